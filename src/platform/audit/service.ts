import type { Database, Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor, type Policy } from '../access.ts';
import { BadRequestError } from '../errors.ts';
import * as repo from './repo.ts';

/** Fields never copied into the audit log. */
const SECRET_FIELDS = new Set(['password_hash', 'passwordHash', 'password', 'csrf_token', 'token']);

export interface AuditChange {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** A change made by the system itself (seed, CLI, jobs) rather than a signed-in user. */
export interface SystemActor {
  system: string;
  agencyId: string;
}

export const auditPolicy = {
  'audit.read': ['admin'],
} as const satisfies Policy<string>;

export function createAuditService(database: Database) {
  return {
    /** Appends one entry inside the caller's transaction, so the change and its record land together. */
    async record(trx: Executor, by: Actor | SystemActor, change: AuditChange): Promise<void> {
      const isSystem = 'system' in by;
      await repo.insertAuditEntry(trx, {
        id: newId(),
        agency_id: by.agencyId,
        actor_id: isSystem ? null : by.userId,
        actor_name: isSystem ? `hệ thống (${by.system})` : `${by.fullName} <${by.email}>`,
        action: change.action,
        entity: change.entity,
        entity_id: change.entityId,
        before: change.before === undefined ? null : JSON.stringify(redact(change.before)),
        after: change.after === undefined ? null : JSON.stringify(redact(change.after)),
        at: nowIso(),
        ip: isSystem ? null : (by.ip ?? null),
      });
    },

    async list(actor: Actor | undefined, query: { userId?: string; entity?: string; entityId?: string; from?: string; to?: string; page?: number; pageSize?: number }) {
      const a = authorize(actor, auditPolicy, 'audit.read');
      const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 200);
      const page = Math.max(query.page ?? 1, 1);
      if (query.from && query.to && query.from > query.to) throw new BadRequestError('Ngày bắt đầu phải trước ngày kết thúc.');
      const filter: repo.AuditFilter = {
        agencyId: a.agencyId,
        actorId: query.userId,
        entity: query.entity,
        entityId: query.entityId,
        // Dates from the viewer are Vietnamese calendar days: [from 00:00, to 24:00) in UTC+7.
        from: query.from ? vnDayStartUtc(query.from) : undefined,
        to: query.to ? vnDayStartUtc(query.to, 1) : undefined,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      };
      const [rows, total, entities] = await Promise.all([
        repo.listAuditEntries(database.db, filter),
        repo.countAuditEntries(database.db, filter),
        repo.listAuditEntities(database.db, a.agencyId),
      ]);
      return {
        total,
        page,
        pageSize,
        entities: entities.map((e) => e.entity),
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before ? (JSON.parse(r.before) as unknown) : null,
          after: r.after ? (JSON.parse(r.after) as unknown) : null,
          ip: r.ip,
        })),
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_FIELDS.has(k)).map(([k, v]) => [k, redact(v)]));
  }
  return value;
}

/** UTC instant of 00:00 in Vietnam (UTC+7, no DST) on `date` plus `addDays`. */
function vnDayStartUtc(date: string, addDays = 0): string {
  const t = Date.parse(`${date}T00:00:00+07:00`) + addDays * 86_400_000;
  if (Number.isNaN(t)) throw new BadRequestError(`Ngày không hợp lệ: "${date}" (định dạng YYYY-MM-DD).`);
  return new Date(t).toISOString();
}
