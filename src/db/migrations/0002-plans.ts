import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/** Stored files (original signed plans, later evidence) and the plan with its task tree and revisions. */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // Kept in the database so a plan and its signed original are saved, backed up and restored together.
    .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_agency').on('files').columns(['agency_id', 'created_at']).execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull().defaultTo('KH'))
    .addColumn('number_text', 'text')
    .addColumn('number_suffix', 'text')
    .addColumn('place', 'text')
    .addColumn('sign_date', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('theme', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('budget_text', 'text')
    .addColumn('budget_lines', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('signer', 'text')
    .addColumn('channels', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('indices', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('appendix_title', 'text')
    .addColumn('appendix_columns', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('issuer', 'text')
    .addColumn('province', 'text')
    .addColumn('original_file_id', 'text', (c) => c.references('files.id').onDelete('set null'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_agency_year').on('plans').columns(['agency_id', 'year']).execute();

  await db.schema
    .createTable('plan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('group_code', 'text')
    .addColumn('code', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('lead_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lead_unit_id', 'text', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('lead_group_id', 'text', (c) => c.references('unit_groups.id').onDelete('set null'))
    .addColumn('coop', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('product', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('product_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('targets', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('due_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due', 'text')
    .addColumn('due_end', 'text')
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_tasks_agency_plan').on('plan_tasks').columns(['agency_id', 'plan_id', 'position']).execute();
  await db.schema.createIndex('plan_tasks_agency_lead').on('plan_tasks').columns(['agency_id', 'lead_unit_id']).execute();

  await db.schema
    .createTable('plan_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_revisions_plan_number', ['plan_id', 'number'])
    .execute();
  await db.schema.createIndex('plan_revisions_agency_plan').on('plan_revisions').columns(['agency_id', 'plan_id']).execute();
}
