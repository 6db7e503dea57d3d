import type { Executor } from '../../db/database.ts';
import type { AuditLogTable } from '../../db/types.ts';

export function insertAuditEntry(db: Executor, row: AuditLogTable) {
  return db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  agencyId: string;
  actorId?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

function filtered(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_log').where('agency_id', '=', f.agencyId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  return q;
}

export function listAuditEntries(db: Executor, f: AuditFilter) {
  return filtered(db, f).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
}

export async function countAuditEntries(db: Executor, f: AuditFilter) {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listAuditEntities(db: Executor, agencyId: string) {
  return db.selectFrom('audit_log').select('entity').distinct().where('agency_id', '=', agencyId).orderBy('entity').execute();
}
