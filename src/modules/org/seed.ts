import type { Database, Executor } from '../../db/database.ts';
import type { UserTable } from '../../db/types.ts';
import { newId, nowIso, toCount } from '../../db/sql-helpers.ts';
import type { AuditService, SystemActor } from '../../platform/audit/service.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import * as repo from './repo.ts';
import { ensureProvinceNames } from './provinces.ts';
import { DEMO_PASSWORD, DEMO_USERS, OVERSEER_AGENCY, SEED_AGENCY, SEED_PROVINCE, SEED_UNIT_GROUPS, SEED_UNITS, type SeedUnit } from './seed-data.ts';

export interface SeedResult {
  agencyCreated: boolean;
  demoLoaded: boolean;
  demoAccounts: { email: string; password: string }[];
}

/**
 * Loads the seed agency with the units its 2024 plan names. Demo units, users and the demo
 * overseer agency are loaded only when the database had no agency at all, so demo data never
 * mixes into a database in use. Safe to run again: it only adds what is missing.
 */
export async function seedDatabase(database: Database, audit: AuditService, opts: { demo: boolean }): Promise<SeedResult> {
  const demoHash = opts.demo ? await hashPassword(DEMO_PASSWORD) : '';
  return database.transaction(async (trx) => {
    const empty = toCount((await repo.countAgencies(trx)).n) === 0;
    const loadDemo = empty && opts.demo;
    const result: SeedResult = { agencyCreated: false, demoLoaded: loadDemo, demoAccounts: [] };

    await ensureProvinceNames(trx, SEED_PROVINCE.code, SEED_PROVINCE.names);
    let agency = await repo.findAgencyByCode(trx, SEED_AGENCY.code);
    if (!agency) {
      const id = newId();
      const now = nowIso();
      await repo.insertAgency(trx, { id, code: SEED_AGENCY.code, hostname: null, address: null, phone: null, email: null, website: null, is_demo: 0, province_code: SEED_AGENCY.provinceCode, created_at: now, updated_at: now });
      for (const n of SEED_AGENCY.names) {
        await repo.insertAgencyName(trx, {
          id: newId(), agency_id: id, valid_from: n.validFrom, valid_to: n.validTo, name: n.name, short_name: n.shortName,
          abbreviation: n.abbreviation, parent_name: n.parentName, place: n.place, source: n.source, created_at: now,
        });
      }
      for (const g of SEED_UNIT_GROUPS) {
        await repo.insertUnitGroup(trx, { id: newId(), agency_id: id, name: g.name, aliases: JSON.stringify(g.aliases), rule: g.rule, is_demo: 0, created_at: now });
      }
      await audit.record(trx, system(id), { action: 'seed', entity: 'agency', entityId: id, after: { code: SEED_AGENCY.code } });
      agency = (await repo.findAgencyById(trx, id))!;
      result.agencyCreated = true;
    }
    for (const u of SEED_UNITS) if (!u.demo || loadDemo) await ensureUnit(trx, agency.id, u);

    if (loadDemo) {
      for (const d of DEMO_USERS) {
        const unit = d.unit ? await repo.findUnitByAbbreviation(trx, agency.id, d.unit) : undefined;
        await insertDemoUser(trx, agency.id, unit?.id ?? null, d, demoHash);
        result.demoAccounts.push({ email: d.email, password: DEMO_PASSWORD });
      }
      await seedOverseerAgency(trx, demoHash);
      result.demoAccounts.push({ email: OVERSEER_AGENCY.user.email, password: DEMO_PASSWORD });
    }
    return result;
  });
}

async function ensureUnit(trx: Executor, agencyId: string, u: SeedUnit) {
  if (await repo.findUnitByAbbreviation(trx, agencyId, u.abbreviation)) return;
  const now = nowIso();
  await repo.insertUnit(trx, {
    id: newId(), agency_id: agencyId, name: u.name, short_name: u.shortName, abbreviation: u.abbreviation, kind: u.kind,
    is_coordinator: u.isCoordinator ? 1 : 0, active: 1, sort_order: SEED_UNITS.indexOf(u) * 10, is_demo: u.demo ? 1 : 0, created_at: now, updated_at: now,
  });
}

async function insertDemoUser(trx: Executor, agencyId: string, unitId: string | null, d: { email: string; fullName: string; roles: readonly string[] }, passwordHash: string) {
  const now = nowIso();
  const row: UserTable = {
    id: newId(), agency_id: agencyId, unit_id: unitId, email: d.email, full_name: d.fullName, password_hash: passwordHash,
    active: 1, is_demo: 1, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now,
  };
  await repo.insertUser(trx, row);
  await repo.replaceRoles(trx, agencyId, row.id, d.roles);
}

async function seedOverseerAgency(trx: Executor, passwordHash: string) {
  const o = OVERSEER_AGENCY;
  const id = newId();
  const now = nowIso();
  await repo.insertAgency(trx, { id, code: o.code, hostname: null, address: null, phone: null, email: null, website: null, is_demo: 1, province_code: o.provinceCode, created_at: now, updated_at: now });
  await repo.insertAgencyName(trx, {
    id: newId(), agency_id: id, valid_from: null, valid_to: null, name: o.name.name, short_name: o.name.shortName, abbreviation: o.name.abbreviation,
    parent_name: o.name.parentName, place: o.name.place, source: null, created_at: now,
  });
  await ensureUnit(trx, id, o.unit);
  const unit = await repo.findUnitByAbbreviation(trx, id, o.unit.abbreviation);
  await insertDemoUser(trx, id, unit!.id, o.user, passwordHash);
}

function system(agencyId: string): SystemActor {
  return { system: 'seed', agencyId };
}
