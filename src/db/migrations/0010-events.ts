import type { Kysely } from 'kysely';

/**
 * Outreach events (conferences, trainings, contests, …) with their materials, the configurable
 * audience list, and the province's administrative areas as effective-dated rows (the 2025
 * reorganisation abolished districts and merged communes from 1 July 2025).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // An area is in force on [effective_from, effective_to); replaced_by names the code that took it over.
  await db.schema
    .createTable('admin_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('replaced_by', 'text')
    .addColumn('source', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('admin_areas_code_from', ['agency_id', 'code', 'effective_from'])
    .execute();
  await db.schema.createIndex('admin_areas_agency_effective').on('admin_areas').columns(['agency_id', 'level', 'effective_from']).execute();

  await db.schema
    .createTable('event_audiences')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('event_audiences_pk', ['agency_id', 'code'])
    .execute();

  await db.schema
    .createTable('outreach_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.notNull().references('admin_areas.id'))
    .addColumn('address', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('audiences', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('participants_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('participants_women', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('participants_ethnic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content_items', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('plan_id', 'text')
    .addColumn('task_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_events_agency_start').on('outreach_events').columns(['agency_id', 'start_date']).execute();

  // Materials: documents, photos and the attendance sheet, kept as rows of `files`.
  await db.schema
    .createTable('outreach_event_files')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('outreach_events.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outreach_event_files_pk', ['event_id', 'file_id'])
    .execute();
  await db.schema.createIndex('outreach_event_files_agency_event').on('outreach_event_files').columns(['agency_id', 'event_id']).execute();
}
