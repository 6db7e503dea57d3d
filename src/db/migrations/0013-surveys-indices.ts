import type { Kysely } from 'kysely';

/**
 * Satisfaction surveys (SIPAS model: questions per agency, anonymous responses, one per signed
 * submission token) and yearly index values (PAR Index, PCI, PAPI, SIPAS, the agency's own
 * department-level index) with their source, plus the publications of indices recorded as evidence.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('element', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_questions_agency').on('survey_questions').columns(['agency_id', 'position']).execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    // The nonce of the form's signed token: a second submission of the same form is refused.
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text')
    .addColumn('procedure_name', 'text')
    .addColumn('field_name', 'text')
    .addColumn('answered_on', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_responses_token', ['agency_id', 'token'])
    .execute();
  await db.schema.createIndex('survey_responses_agency_day').on('survey_responses').columns(['agency_id', 'answered_on']).execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('response_id', 'text', (c) => c.notNull().references('survey_responses.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    // Kept with the answer, so results per element survive a later change of the questions.
    .addColumn('element', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_answers_pk', ['response_id', 'question_id'])
    .execute();
  await db.schema.createIndex('survey_answers_agency').on('survey_answers').columns(['agency_id', 'response_id']).execute();

  await db.schema
    .createTable('index_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('index_code', 'text', (c) => c.notNull())
    // 'total' or the key of an area / sub-index / dimension (indices/catalog.ts).
    .addColumn('component', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // Hundredths (88,54 → 8854): exact on both engines, every published value has two decimals at most.
    .addColumn('value_x100', 'integer', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('rank_of', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('index_values_key', ['agency_id', 'index_code', 'component', 'year'])
    .execute();

  await db.schema
    .createTable('index_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('evidence_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('index_publications_agency').on('index_publications').columns(['agency_id', 'published_on']).execute();
}
