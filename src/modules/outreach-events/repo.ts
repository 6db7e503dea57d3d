import type { Executor } from '../../db/database.ts';
import type { AdminAreaTable, EventAudienceTable, OutreachEventFileTable, OutreachEventTable } from '../../db/types.ts';

// ---- administrative areas --------------------------------------------------------------------

/** Areas of the agency; with `on`, only those in force that day ([from, to)). */
export function listAreas(db: Executor, agencyId: string, f: { on?: string; level?: string } = {}) {
  let q = db.selectFrom('admin_areas').selectAll().where('agency_id', '=', agencyId);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.on) {
    const on = f.on;
    q = q.where('effective_from', '<=', on).where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', on)]));
  }
  return q.orderBy('level').orderBy('effective_from').orderBy('code').execute();
}

export function findArea(db: Executor, agencyId: string, id: string) {
  return db.selectFrom('admin_areas').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
}

export function findAreasByIds(db: Executor, agencyId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('admin_areas').selectAll().where('agency_id', '=', agencyId).where('id', 'in', ids).execute();
}

export function findAreaByKey(db: Executor, agencyId: string, code: string, effectiveFrom: string) {
  return db.selectFrom('admin_areas').selectAll().where('agency_id', '=', agencyId).where('code', '=', code).where('effective_from', '=', effectiveFrom).executeTakeFirst();
}

export function insertArea(db: Executor, row: AdminAreaTable) {
  return db.insertInto('admin_areas').values(row).execute();
}

export function updateArea(db: Executor, agencyId: string, id: string, patch: Partial<AdminAreaTable>) {
  return db.updateTable('admin_areas').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function countAreas(db: Executor, agencyId: string) {
  const row = await db.selectFrom('admin_areas').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- audiences ---------------------------------------------------------------------------------

export function listAudiences(db: Executor, agencyId: string) {
  return db.selectFrom('event_audiences').selectAll().where('agency_id', '=', agencyId).orderBy('position').execute();
}

export async function replaceAudiences(db: Executor, agencyId: string, rows: EventAudienceTable[]) {
  await db.deleteFrom('event_audiences').where('agency_id', '=', agencyId).execute();
  if (rows.length > 0) await db.insertInto('event_audiences').values(rows).execute();
}

// ---- events --------------------------------------------------------------------------------

export interface EventFilter {
  agencyId: string;
  from?: string;
  to?: string;
  kind?: string;
  unitId?: string;
  areaId?: string;
}

export function listEvents(db: Executor, f: EventFilter) {
  let q = db.selectFrom('outreach_events').selectAll().where('agency_id', '=', f.agencyId);
  if (f.from) q = q.where('start_date', '>=', f.from);
  if (f.to) q = q.where('start_date', '<=', f.to);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.areaId) q = q.where('area_id', '=', f.areaId);
  return q.orderBy('start_date').orderBy('created_at').execute();
}

export function findEvent(db: Executor, id: string) {
  return db.selectFrom('outreach_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertEvent(db: Executor, row: OutreachEventTable) {
  return db.insertInto('outreach_events').values(row).execute();
}

export function updateEvent(db: Executor, agencyId: string, id: string, patch: Partial<OutreachEventTable>) {
  return db.updateTable('outreach_events').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function deleteEvent(db: Executor, agencyId: string, id: string) {
  await db.deleteFrom('outreach_event_files').where('agency_id', '=', agencyId).where('event_id', '=', id).execute();
  await db.deleteFrom('outreach_events').where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function countEvents(db: Executor, agencyId: string) {
  const row = await db.selectFrom('outreach_events').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- materials -------------------------------------------------------------------------------

export function listEventFiles(db: Executor, agencyId: string, eventIds: string[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('outreach_event_files as ef')
    .innerJoin('files as f', (j) => j.onRef('f.id', '=', 'ef.file_id').on('f.agency_id', '=', agencyId))
    .select(['ef.event_id', 'ef.role', 'f.id', 'f.name', 'f.size', 'f.mime'])
    .where('ef.agency_id', '=', agencyId)
    .where('ef.event_id', 'in', eventIds)
    .orderBy('ef.created_at')
    .execute();
}

export function addEventFile(db: Executor, row: OutreachEventFileTable) {
  return db.insertInto('outreach_event_files').values(row).execute();
}

export function removeEventFile(db: Executor, agencyId: string, eventId: string, fileId: string) {
  return db.deleteFrom('outreach_event_files').where('agency_id', '=', agencyId).where('event_id', '=', eventId).where('file_id', '=', fileId).executeTakeFirst();
}
