import type { Executor } from '../../db/database.ts';
import type { IndexPublicationTable, IndexValueTable } from '../../db/types.ts';

export function listValues(db: Executor, agencyId: string) {
  return db.selectFrom('index_values').selectAll().where('agency_id', '=', agencyId).orderBy('index_code').orderBy('year').orderBy('component').execute();
}

export function findValue(db: Executor, id: string) {
  return db.selectFrom('index_values').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByKey(db: Executor, agencyId: string, key: { indexCode: string; component: string; year: number }) {
  return db.selectFrom('index_values').select(['id']).where('agency_id', '=', agencyId).where('index_code', '=', key.indexCode as IndexValueTable['index_code'])
    .where('component', '=', key.component).where('year', '=', key.year).executeTakeFirst();
}

export function insertValue(db: Executor, row: IndexValueTable) {
  return db.insertInto('index_values').values(row).execute();
}

export function updateValue(db: Executor, agencyId: string, id: string, patch: Partial<IndexValueTable>) {
  return db.updateTable('index_values').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function deleteValue(db: Executor, agencyId: string, id: string) {
  return db.deleteFrom('index_values').where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function countValues(db: Executor, agencyId: string) {
  const row = await db.selectFrom('index_values').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertPublication(db: Executor, row: IndexPublicationTable) {
  return db.insertInto('index_publications').values(row).execute();
}

export function listPublications(db: Executor, agencyId: string) {
  return db.selectFrom('index_publications').selectAll().where('agency_id', '=', agencyId).orderBy('published_on', 'desc').orderBy('created_at', 'desc').execute();
}
