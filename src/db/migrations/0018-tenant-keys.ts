import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/**
 * `agency_id` in every tenant key (docs/production.md, "Sharding by agency"): a Citus-style
 * distributed PostgreSQL needs the distribution column in every primary, unique and foreign key
 * of a distributed table. Ids are random, so `id` alone stayed unique; nothing changes for the app.
 *
 * - PostgreSQL: each tenant table's primary key becomes (agency_id, <old key>), with a plain
 *   index on the old key (many queries look a row up by id alone); each foreign key between
 *   tenant tables becomes (agency_id, col) → parent(agency_id, id) with the same ON DELETE
 *   (SET NULL only the column, never agency_id); unique keys get agency_id first. Rows that
 *   point at another agency's parent stop the migration, naming the key: nothing is rewritten.
 * - SQLite (embedded, one agency, never distributed): the same unique keys are added as unique
 *   indexes, so ON CONFLICT targets and uniqueness are the same on both engines; its primary and
 *   foreign keys stay (changing them means rebuilding every table).
 * - `user_logins`: e-mail → (agency, user), global on both engines, because sign-in looks the
 *   e-mail up before the agency is known. `users(email)` becomes (agency_id, email).
 * - `jobs` stays as it is: the queue is claimed across all agencies by every worker and holds
 *   province-wide jobs without an agency; it is a table of the coordinator, not of a shard.
 *
 * The lists below are the schema as of 0017, written out to be reviewed; the migration checks
 * them against the live catalog first and stops if they disagree.
 */

/** Tenant tables whose primary key gets agency_id in front, with the key they have today. */
const PRIMARY_KEYS: Record<string, string[]> = {
  admin_areas: ['id'],
  agency_names: ['id'],
  article_attachments: ['article_id', 'file_id'],
  article_events: ['id'],
  article_media: ['article_id', 'media_id'],
  article_revisions: ['id'],
  article_translations: ['article_id', 'lang'],
  articles: ['id'],
  audit_log: ['id'],
  categories: ['id'],
  consolidated_reports: ['id'],
  evidence: ['id'],
  evidence_files: ['evidence_id', 'file_id'],
  evidence_tasks: ['evidence_id', 'task_id'],
  feedback: ['id'],
  feedback_events: ['id'],
  feedback_files: ['feedback_id', 'file_id'],
  files: ['id'],
  index_publications: ['id'],
  index_values: ['id'],
  legal_documents: ['id'],
  media: ['id'],
  notification_settings: ['user_id'],
  notifications: ['id'],
  outreach_event_files: ['event_id', 'file_id'],
  outreach_events: ['id'],
  plan_revisions: ['id'],
  plan_tasks: ['id'],
  plans: ['id'],
  procedure_decision_items: ['id'],
  procedure_decisions: ['id'],
  procedure_fields: ['id'],
  procedure_postings: ['id'],
  procedure_process_steps: ['id'],
  procedure_versions: ['id'],
  procedures: ['id'],
  processing_results: ['id'],
  report_draft_edits: ['period_id'],
  report_periods: ['id'],
  sessions: ['id'],
  social_channels: ['id'],
  social_deliveries: ['id'],
  social_posts: ['id'],
  survey_answers: ['response_id', 'question_id'],
  survey_questions: ['id'],
  survey_responses: ['id'],
  unit_group_members: ['group_id', 'unit_id'],
  unit_groups: ['id'],
  unit_report_events: ['id'],
  unit_reports: ['id'],
  units: ['id'],
  user_roles: ['user_id', 'role'],
  users: ['id'],
};

type OnDelete = 'cascade' | 'set null' | 'no action';
/** child table, its column, the parent table (always its `id`), ON DELETE as first declared. */
type ForeignKey = [table: string, column: string, parent: string, onDelete: OnDelete];

/** Foreign keys between tenant tables (those to `agencies`, the reference table, stay). */
const FOREIGN_KEYS: ForeignKey[] = [
  ['article_attachments', 'article_id', 'articles', 'cascade'],
  ['article_attachments', 'file_id', 'files', 'no action'],
  ['article_events', 'article_id', 'articles', 'cascade'],
  ['article_media', 'article_id', 'articles', 'cascade'],
  ['article_media', 'media_id', 'media', 'cascade'],
  ['article_revisions', 'article_id', 'articles', 'cascade'],
  ['article_translations', 'article_id', 'articles', 'cascade'],
  ['articles', 'audio_file_id', 'files', 'no action'],
  ['articles', 'author_id', 'users', 'set null'],
  ['articles', 'category_id', 'categories', 'no action'],
  ['articles', 'cover_media_id', 'media', 'set null'],
  ['articles', 'plan_id', 'plans', 'set null'],
  ['consolidated_reports', 'docx_file_id', 'files', 'no action'],
  ['consolidated_reports', 'period_id', 'report_periods', 'cascade'],
  ['consolidated_reports', 'xlsx_file_id', 'files', 'no action'],
  ['evidence', 'plan_id', 'plans', 'cascade'],
  ['evidence', 'unit_id', 'units', 'set null'],
  ['evidence_files', 'evidence_id', 'evidence', 'cascade'],
  ['evidence_files', 'file_id', 'files', 'cascade'],
  ['evidence_tasks', 'evidence_id', 'evidence', 'cascade'],
  ['evidence_tasks', 'task_id', 'plan_tasks', 'cascade'],
  ['feedback', 'unit_id', 'units', 'no action'],
  ['feedback_events', 'feedback_id', 'feedback', 'cascade'],
  ['feedback_files', 'feedback_id', 'feedback', 'cascade'],
  ['feedback_files', 'file_id', 'files', 'no action'],
  ['legal_documents', 'file_id', 'files', 'no action'],
  ['media', 'file_id', 'files', 'no action'],
  ['notification_settings', 'user_id', 'users', 'cascade'],
  ['notifications', 'user_id', 'users', 'cascade'],
  ['outreach_event_files', 'event_id', 'outreach_events', 'cascade'],
  ['outreach_event_files', 'file_id', 'files', 'no action'],
  ['outreach_events', 'area_id', 'admin_areas', 'no action'],
  ['plan_revisions', 'plan_id', 'plans', 'cascade'],
  ['plan_tasks', 'lead_group_id', 'unit_groups', 'set null'],
  ['plan_tasks', 'lead_unit_id', 'units', 'set null'],
  ['plan_tasks', 'plan_id', 'plans', 'cascade'],
  ['plans', 'original_file_id', 'files', 'set null'],
  ['procedure_decision_items', 'decision_id', 'procedure_decisions', 'cascade'],
  ['procedure_decisions', 'file_id', 'files', 'no action'],
  ['procedure_process_steps', 'procedure_id', 'procedures', 'cascade'],
  ['procedure_process_steps', 'unit_id', 'units', 'set null'],
  ['procedure_versions', 'field_id', 'procedure_fields', 'no action'],
  ['procedure_versions', 'procedure_id', 'procedures', 'cascade'],
  ['processing_results', 'field_id', 'procedure_fields', 'no action'],
  ['report_draft_edits', 'period_id', 'report_periods', 'cascade'],
  ['report_periods', 'plan_id', 'plans', 'cascade'],
  ['sessions', 'user_id', 'users', 'cascade'],
  ['social_deliveries', 'channel_id', 'social_channels', 'no action'],
  ['social_deliveries', 'post_id', 'social_posts', 'cascade'],
  ['survey_answers', 'response_id', 'survey_responses', 'cascade'],
  ['unit_group_members', 'group_id', 'unit_groups', 'cascade'],
  ['unit_group_members', 'unit_id', 'units', 'cascade'],
  ['unit_report_events', 'report_id', 'unit_reports', 'cascade'],
  ['unit_reports', 'period_id', 'report_periods', 'cascade'],
  ['unit_reports', 'unit_id', 'units', 'cascade'],
  ['user_roles', 'user_id', 'users', 'cascade'],
  ['users', 'unit_id', 'units', 'set null'],
];

/**
 * Unique keys without agency_id today (`old`: the PostgreSQL constraint, or `index:` a unique
 * index) and the key that replaces them, named `name` on both engines.
 */
const UNIQUE_KEYS: { table: string; old: string; name: string; columns: string[] }[] = [
  { table: 'article_revisions', old: 'article_revisions_version', name: 'article_revisions_agency_version', columns: ['article_id', 'version'] },
  // The portal knows the agency (host name) before it looks a preview token up.
  { table: 'articles', old: 'index:articles_preview_token', name: 'articles_agency_preview_token', columns: ['preview_token'] },
  { table: 'consolidated_reports', old: 'consolidated_reports_period', name: 'consolidated_reports_agency_period', columns: ['period_id'] },
  { table: 'plan_revisions', old: 'plan_revisions_plan_number', name: 'plan_revisions_agency_plan_number', columns: ['plan_id', 'number'] },
  { table: 'procedure_versions', old: 'procedure_versions_no', name: 'procedure_versions_agency_no', columns: ['procedure_id', 'version_no'] },
  { table: 'report_periods', old: 'report_periods_plan_code', name: 'report_periods_agency_plan_code', columns: ['plan_id', 'code'] },
  // Deliveries are written by the post's use case, which knows its agency; nothing looks the key up.
  { table: 'social_deliveries', old: 'social_deliveries_idempotency_key_key', name: 'social_deliveries_agency_idempotency', columns: ['idempotency_key'] },
  { table: 'unit_reports', old: 'unit_reports_period_unit', name: 'unit_reports_agency_period_unit', columns: ['period_id', 'unit_id'] },
  // E-mails stay unique across agencies through user_logins (below).
  { table: 'users', old: 'users_email_key', name: 'users_agency_email', columns: ['email'] },
];

/** Primary keys used as ON CONFLICT targets: SQLite gets them as unique indexes with agency_id, like PostgreSQL's new keys. */
const CONFLICT_TARGETS: { table: string; name: string; columns: string[] }[] = [
  { table: 'notification_settings', name: 'notification_settings_agency_user', columns: ['user_id'] },
  { table: 'report_draft_edits', name: 'report_draft_edits_agency_period', columns: ['period_id'] },
];

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await createUserLogins(db);
  if (engine === 'postgres') await postgresKeys(db);
  else await sqliteKeys(db);
}

/** The global sign-in lookup, filled from the users of today. */
async function createUserLogins(db: Kysely<any>): Promise<void> {
  // No foreign key to users: a global (reference) table cannot reference a distributed one. The
  // org repo writes both rows in the use case's transaction; an agency takes its rows with it.
  await db.schema
    .createTable('user_logins')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_logins_agency_user').on('user_logins').columns(['agency_id', 'user_id']).execute();
  await sql`insert into user_logins (email, agency_id, user_id) select email, agency_id, id from users`.execute(db);
}

async function sqliteKeys(db: Kysely<any>): Promise<void> {
  // The old unique index of preview tokens can go (a table constraint could not without a rebuild).
  await sql`drop index articles_preview_token`.execute(db);
  for (const u of [...UNIQUE_KEYS, ...CONFLICT_TARGETS]) {
    await db.schema.createIndex(u.name).on(u.table).columns(['agency_id', ...u.columns]).unique().execute();
  }
  // PostgreSQL turns its (agency_id, doc_id desc) index into this key; SQLite reads through FTS5 and gets it only as the key.
  await sql`create unique index search_documents_recent on search_documents (agency_id, doc_id desc)`.execute(db);
}

async function postgresKeys(db: Kysely<any>): Promise<void> {
  const names = await catalogNames(db);
  await refuseCrossAgencyRows(db);
  const ident = (s: string) => `"${s}"`;
  const cols = (c: string[]) => c.map(ident).join(', ');
  const statements: string[] = [];
  // Foreign keys first: they hold on to the parents' primary keys.
  for (const [table, column] of FOREIGN_KEYS) statements.push(`alter table ${ident(table)} drop constraint ${ident(names.foreign.get(`${table}.${column}`)!)}`);
  for (const [table, key] of Object.entries(PRIMARY_KEYS)) {
    statements.push(`alter table ${ident(table)} drop constraint ${ident(names.primary.get(table)!)}, add constraint ${ident(`${table}_pkey`)} primary key (agency_id, ${cols(key)})`);
    statements.push(`create index ${ident(`${table}_${key.join('_')}`)} on ${ident(table)} (${cols(key)})`);
  }
  for (const u of UNIQUE_KEYS) {
    statements.push(u.old.startsWith('index:') ? `drop index ${ident(u.old.slice('index:'.length))}` : `alter table ${ident(u.table)} drop constraint ${ident(u.old)}`);
    statements.push(`alter table ${ident(u.table)} add constraint ${ident(u.name)} unique (agency_id, ${cols(u.columns)})`);
  }
  // search_documents: doc_id is allocated unique over all agencies (it is SQLite's FTS rowid), but the
  // key is (agency_id, doc_id), the index the portal search already read; doc_id alone keeps a plain index.
  statements.push('alter table search_documents drop constraint search_documents_doc_id_key');
  statements.push('create index search_documents_doc_id on search_documents (doc_id)');
  statements.push('drop index search_documents_recent');
  statements.push('create unique index search_documents_recent on search_documents (agency_id, doc_id desc)');
  for (const [table, column, parent, onDelete] of FOREIGN_KEYS) {
    // SET NULL (column): a bare SET NULL would null agency_id too, which is NOT NULL.
    const action = onDelete === 'cascade' ? ' on delete cascade' : onDelete === 'set null' ? ` on delete set null (${ident(column)})` : '';
    statements.push(`alter table ${ident(table)} add constraint ${ident(`${table}_${column}_fkey`)} foreign key (agency_id, ${ident(column)}) references ${ident(parent)} (agency_id, id)${action}`);
  }
  // One round trip: without parameters the statements go as one simple query, in the migration's transaction.
  await sql.raw(statements.join(';\n')).execute(db);
}

/** The constraint names the lists refer to, read from the catalog; stops when the catalog and the lists disagree. */
async function catalogNames(db: Kysely<any>) {
  const rows = await sql<{ table_name: string; name: string; type: string; columns: string[]; parent: string | null }>`
    select c.conrelid::regclass::text as table_name, c.conname as name, c.contype as type, c.confrelid::regclass::text as parent,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns
    from pg_constraint c where c.connamespace = current_schema()::regnamespace and c.contype in ('p', 'f')`.execute(db);
  const primary = new Map<string, string>();
  const foreign = new Map<string, string>();
  const problems: string[] = [];
  for (const r of rows.rows) {
    if (r.type === 'p' && PRIMARY_KEYS[r.table_name]) {
      if (r.columns.join() !== PRIMARY_KEYS[r.table_name]!.join()) problems.push(`primary key ${r.table_name}(${r.columns.join(', ')})`);
      primary.set(r.table_name, r.name);
    }
    if (r.type === 'f' && r.parent !== 'agencies') {
      const listed = FOREIGN_KEYS.find(([t, c, p]) => t === r.table_name && c === r.columns.join() && p === r.parent);
      if (listed) foreign.set(`${r.table_name}.${r.columns.join()}`, r.name);
      else problems.push(`foreign key ${r.table_name}(${r.columns.join(', ')}) → ${r.parent}`);
    }
  }
  for (const t of Object.keys(PRIMARY_KEYS)) if (!primary.has(t)) problems.push(`primary key of ${t} missing`);
  for (const [t, c, p] of FOREIGN_KEYS) if (!foreign.has(`${t}.${c}`)) problems.push(`foreign key ${t}(${c}) → ${p} missing`);
  if (problems.length > 0) throw new Error(`0018-tenant-keys: the schema is not the one this migration was written for: ${problems.join('; ')}`);
  return { primary, foreign };
}

/** Stops before any change when a row references a parent of another agency, naming each such key. */
async function refuseCrossAgencyRows(db: Kysely<any>): Promise<void> {
  const checks = FOREIGN_KEYS.map(
    ([table, column, parent]) =>
      sql`select ${`${table}(${column}) → ${parent}`} as fk, count(*) as n from ${sql.table(table)} c join ${sql.table(parent)} p on p.id = c.${sql.ref(column)} where p.agency_id <> c.agency_id`,
  );
  const rows = await sql<{ fk: string; n: string | number }>`select fk, n from (${sql.join(checks, sql` union all `)}) x where n > 0 order by fk`.execute(db);
  if (rows.rows.length === 0) return;
  const found = rows.rows.map((r) => `${r.fk}: ${r.n} dòng`).join('; ');
  throw new Error(`Không thể đưa agency_id vào khóa ngoại: có dòng trỏ tới bản ghi của cơ quan khác (${found}). Dữ liệu không bị thay đổi; hãy sửa các dòng này rồi chạy lại migrate.`);
}
