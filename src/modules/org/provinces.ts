import type { Database, Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import * as repo from './repo.ts';
import { nameAt } from './views.ts';

export interface ProvinceNameInput {
  validFrom: string | null;
  validTo: string | null;
  name: string;
  source: string | null;
}

/**
 * Which province an agency belongs to, the agencies of a province and the province's name on a
 * day. No actor: the oversight module checks the overseer's province before it asks.
 * Example: `const code = await provinces.of(actor.agencyId); const ids = await provinces.agencies(code)`.
 */
export function createProvinceDirectory(database: Database) {
  const { db } = database;
  return {
    /** The agency's province code, or null when it belongs to none. */
    async of(agencyId: string): Promise<string | null> {
      return (await repo.findAgencyById(db, agencyId))?.province_code ?? null;
    },

    /** The agencies of a province (ids and codes), demo ones flagged. */
    async agencies(provinceCode: string) {
      return (await repo.listAgenciesOfProvince(db, provinceCode)).map((a) => ({ id: a.id, code: a.code, isDemo: a.is_demo === 1 }));
    },

    /** The province's name in force on `date`; its code when no name is recorded. */
    async nameOn(provinceCode: string, date: string): Promise<string> {
      return nameAt(await repo.listProvinceNames(db, provinceCode), date)?.name ?? provinceCode;
    },
  };
}

/** Adds the province names not yet recorded (seed: safe to run on every start). */
export async function ensureProvinceNames(trx: Executor, provinceCode: string, names: readonly ProvinceNameInput[]) {
  const have = await repo.listProvinceNames(trx, provinceCode);
  for (const n of names) {
    if (have.some((h) => h.valid_from === n.validFrom && h.name === n.name)) continue;
    await repo.insertProvinceName(trx, { id: newId(), province_code: provinceCode, valid_from: n.validFrom, valid_to: n.validTo, name: n.name, source: n.source, created_at: nowIso() });
  }
}

export type ProvinceDirectory = ReturnType<typeof createProvinceDirectory>;
