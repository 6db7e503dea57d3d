import type { Kysely } from 'kysely';

/**
 * Social channels (Facebook Pages, Zalo OAs) with their encrypted secrets and token health,
 * cross-posts, and one delivery per post × channel (also a post recorded by hand).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('social_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('app_id', 'text')
    .addColumn('secrets', 'text')
    .addColumn('secret_hint', 'text')
    .addColumn('health', 'text', (c) => c.notNull())
    .addColumn('health_note', 'text')
    .addColumn('token_expires_at', 'text')
    .addColumn('checked_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('social_channels_agency').on('social_channels').columns(['agency_id', 'network']).execute();

  await db.schema
    .createTable('social_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('article_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('image_url', 'text')
    .addColumn('plan_id', 'text')
    .addColumn('task_ids', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('social_posts_agency').on('social_posts').columns(['agency_id', 'created_at']).execute();

  await db.schema
    .createTable('social_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('social_posts.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.references('social_channels.id'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('network_side', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('broadcast', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempt_started_at', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('remote_token', 'text')
    .addColumn('remote_id', 'text')
    .addColumn('remote_url', 'text')
    .addColumn('last_error', 'text')
    .addColumn('published_at', 'text')
    .addColumn('screenshot_file_id', 'text')
    // One delivery per post × channel: the key the job and every retry are tied to.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('social_deliveries_agency_state').on('social_deliveries').columns(['agency_id', 'state']).execute();
  await db.schema.createIndex('social_deliveries_agency_post').on('social_deliveries').columns(['agency_id', 'post_id']).execute();
}
