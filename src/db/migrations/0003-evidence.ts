import type { Kysely } from 'kysely';

/** Evidence of what was done, attached to plan tasks; quantities feed progress and reports. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('link', 'text')
    .addColumn('quantities', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evidence_source', ['agency_id', 'source_type', 'source_id'])
    .execute();
  await db.schema.createIndex('evidence_agency_plan_date').on('evidence').columns(['agency_id', 'plan_id', 'date']).execute();
  await db.schema.createIndex('evidence_agency_unit_date').on('evidence').columns(['agency_id', 'unit_id', 'date']).execute();

  await db.schema
    .createTable('evidence_tasks')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_tasks.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('evidence_tasks_pk', ['evidence_id', 'task_id'])
    .execute();
  await db.schema.createIndex('evidence_tasks_agency_task').on('evidence_tasks').columns(['agency_id', 'task_id']).execute();

  await db.schema
    .createTable('evidence_files')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('evidence_files_pk', ['evidence_id', 'file_id'])
    .execute();
}
