import type { Executor } from '../../db/database.ts';
import type { DeliveryState, SocialChannelTable, SocialDeliveryTable, SocialPostTable } from '../../db/types.ts';

export function listChannels(db: Executor, agencyId: string) {
  return db.selectFrom('social_channels').selectAll().where('agency_id', '=', agencyId).orderBy('network').orderBy('name').execute();
}

export function findChannel(db: Executor, id: string) {
  return db.selectFrom('social_channels').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertChannel(db: Executor, row: SocialChannelTable) {
  return db.insertInto('social_channels').values(row).execute();
}

export function updateChannel(db: Executor, agencyId: string, id: string, patch: Partial<SocialChannelTable>) {
  return db.updateTable('social_channels').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function countChannels(db: Executor, agencyId: string) {
  const row = await db.selectFrom('social_channels').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertPost(db: Executor, row: SocialPostTable) {
  return db.insertInto('social_posts').values(row).execute();
}

export function findPost(db: Executor, agencyId: string, id: string) {
  return db.selectFrom('social_posts').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
}

export function insertDelivery(db: Executor, row: SocialDeliveryTable) {
  return db.insertInto('social_deliveries').values(row).execute();
}

export function findDelivery(db: Executor, id: string) {
  return db.selectFrom('social_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateDelivery(db: Executor, agencyId: string, id: string, patch: Partial<SocialDeliveryTable>) {
  return db.updateTable('social_deliveries').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

/** Moves a delivery only if it is still in one of `from` (a second worker or a click finds it moved). */
export async function moveDelivery(db: Executor, agencyId: string, id: string, from: DeliveryState[], patch: Partial<SocialDeliveryTable>) {
  const r = await db.updateTable('social_deliveries').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).where('state', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface DeliveryFilter {
  agencyId: string;
  id?: string;
  postId?: string;
  state?: string;
  from?: string;
  to?: string;
}

/** Deliveries with their post, newest first. */
export function listDeliveries(db: Executor, f: DeliveryFilter) {
  let q = db
    .selectFrom('social_deliveries as d')
    .innerJoin('social_posts as p', (j) => j.onRef('p.id', '=', 'd.post_id').on('p.agency_id', '=', f.agencyId))
    .selectAll('d')
    .select(['p.article_id', 'p.title as post_title', 'p.link', 'p.plan_id', 'p.task_ids', 'p.image_url'])
    .where('d.agency_id', '=', f.agencyId);
  if (f.id) q = q.where('d.id', '=', f.id);
  if (f.postId) q = q.where('d.post_id', '=', f.postId);
  if (f.state) q = q.where('d.state', '=', f.state as DeliveryState);
  // The calendar: the day a post goes out is its schedule, else its publication, else its creation.
  if (f.from) q = q.where((eb) => eb(eb.fn.coalesce('d.scheduled_at', 'd.published_at', 'd.created_at'), '>=', f.from!));
  if (f.to) q = q.where((eb) => eb(eb.fn.coalesce('d.scheduled_at', 'd.published_at', 'd.created_at'), '<', `${f.to}T99`));
  return q.orderBy('d.created_at', 'desc').limit(500).execute();
}

export function waitingDeliveries(db: Executor, agencyId: string, channelId: string) {
  return db.selectFrom('social_deliveries').selectAll().where('agency_id', '=', agencyId).where('channel_id', '=', channelId).where('state', '=', 'waiting').execute();
}

export async function countWaiting(db: Executor, agencyId: string) {
  const rows = await db.selectFrom('social_deliveries').select(['channel_id']).select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).where('state', '=', 'waiting').groupBy('channel_id').execute();
  return new Map(rows.map((r) => [r.channel_id, Number(r.n)]));
}
