import type { Kysely } from 'kysely';

/**
 * Administrative procedures: the catalog as effective-dated versions, the announcement decisions
 * that change it, internal processing steps, desk postings and monthly processing results.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('procedure_fields')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('procedure_fields_name', ['agency_id', 'name'])
    .addUniqueConstraint('procedure_fields_slug', ['agency_id', 'slug'])
    .execute();

  // One row per procedure code; what it says lives in its versions.
  await db.schema
    .createTable('procedures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('procedures_code', ['agency_id', 'code'])
    .execute();

  // A version is in force on [effective_from, effective_to); an abolished procedure's last version is closed.
  await db.schema
    .createTable('procedure_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id').onDelete('cascade'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    // 'catalog' (entered or imported), or the change kind of the decision that made it
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('field_id', 'text', (c) => c.notNull().references('procedure_fields.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('online_level', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('procedure_versions_no', ['procedure_id', 'version_no'])
    .execute();
  await db.schema.createIndex('procedure_versions_agency_effective').on('procedure_versions').columns(['agency_id', 'effective_from', 'effective_to']).execute();
  await db.schema.createIndex('procedure_versions_agency_procedure').on('procedure_versions').columns(['agency_id', 'procedure_id', 'version_no']).execute();

  await db.schema
    .createTable('procedure_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('number_symbol', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // Disclosure on the portal and posting at the desk must follow signing within a legal time.
    .addColumn('posting_due_on', 'text', (c) => c.notNull())
    .addColumn('posted_on', 'text')
    .addColumn('task_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('plan_id', 'text')
    .addColumn('applied_at', 'text')
    .addColumn('applied_by', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procedure_decisions_agency_signed').on('procedure_decisions').columns(['agency_id', 'signed_on']).execute();

  await db.schema
    .createTable('procedure_decision_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('procedure_decisions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('change_kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    // For 'replaced': the code of the procedure this one replaces.
    .addColumn('replaces_code', 'text')
    // For new / amended / replaced: the procedure as announced (ProcedureData JSON).
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('procedure_decision_items_agency_decision').on('procedure_decision_items').columns(['agency_id', 'decision_id', 'position']).execute();

  // Quy trình nội bộ: the steps of a procedure inside the agency.
  await db.schema
    .createTable('procedure_process_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('hours', 'real', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procedure_process_steps_agency_procedure').on('procedure_process_steps').columns(['agency_id', 'procedure_id', 'position']).execute();

  // Niêm yết: what was posted at the desk, to list what changed since.
  await db.schema
    .createTable('procedure_postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('posted_on', 'text', (c) => c.notNull())
    .addColumn('version_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procedure_postings_agency_posted').on('procedure_postings').columns(['agency_id', 'posted_on']).execute();

  // Quyết định 766/QĐ-TTg indicators per month and per procedure (or per field when the source has no procedure).
  await db.schema
    .createTable('processing_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text')
    .addColumn('field_id', 'text', (c) => c.references('procedure_fields.id'))
    .addColumn('carried_over', 'integer', (c) => c.notNull())
    .addColumn('received_online', 'integer', (c) => c.notNull())
    .addColumn('received_in_person', 'integer', (c) => c.notNull())
    .addColumn('received_postal', 'integer', (c) => c.notNull())
    .addColumn('settled_early', 'integer', (c) => c.notNull())
    .addColumn('settled_on_time', 'integer', (c) => c.notNull())
    .addColumn('settled_late', 'integer', (c) => c.notNull())
    .addColumn('pending_within', 'integer', (c) => c.notNull())
    .addColumn('pending_overdue', 'integer', (c) => c.notNull())
    .addColumn('returned', 'integer', (c) => c.notNull())
    .addColumn('withdrawn', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('processing_results_key', ['agency_id', 'month', 'procedure_code', 'field_id'])
    .execute();
  await db.schema.createIndex('processing_results_agency_month').on('processing_results').columns(['agency_id', 'month']).execute();
}
