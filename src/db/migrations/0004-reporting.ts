import type { Kysely } from 'kysely';

/** Reporting periods of a plan and each unit's report for a period, with its review history. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('submit_due', 'text', (c) => c.notNull())
    .addColumn('lock_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_periods_plan_code', ['plan_id', 'code'])
    .execute();
  await db.schema.createIndex('report_periods_agency_plan').on('report_periods').columns(['agency_id', 'plan_id']).execute();

  await db.schema
    .createTable('unit_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('report_periods.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('narratives', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('difficulties', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('proposals', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('unit_reports_period_unit', ['period_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('unit_reports_agency_period').on('unit_reports').columns(['agency_id', 'period_id']).execute();

  await db.schema
    .createTable('unit_report_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('unit_reports.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_report_events_agency_report').on('unit_report_events').columns(['agency_id', 'report_id', 'at']).execute();

  await db.schema
    .createTable('consolidated_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('report_periods.id').onDelete('cascade'))
    .addColumn('number_text', 'text', (c) => c.notNull())
    .addColumn('sign_date', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('docx_file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('xlsx_file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('finalized_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('consolidated_reports_period', ['period_id'])
    .execute();

  // What the coordinator changed in the draft's words (never its figures), kept until final.
  await db.schema
    .createTable('report_draft_edits')
    .addColumn('period_id', 'text', (c) => c.primaryKey().references('report_periods.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('edits', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
