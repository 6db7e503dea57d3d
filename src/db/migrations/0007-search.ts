import { sql, type Kysely } from 'kysely';

/**
 * Platform search (src/platform/search): `search_documents` holds the original text of every
 * public document indexed, keyed by (agency_id, kind, ref_id), with `doc_id`, a recency key
 * assigned by the search module (published time in ms × 1024 + a sequence).
 * The token index differs by engine (see src/platform/search/engines.ts):
 * - SQLite: the contentless FTS5 table `search_fts` (rowid = doc_id), and a trigger deleting its
 *   row with the document row (cascades too).
 * - PostgreSQL: the tsvector column `lex`, kept in the row, with a GIN index; btrees on
 *   (agency_id, doc_id desc) and (agency_id, kind, doc_id desc) read an agency's documents (of
 *   a kind) most recent first.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  if (engine === 'sqlite') {
    await sql`create table search_documents (
      agency_id text not null references agencies(id) on delete cascade,
      kind text not null,
      ref_id text not null,
      doc_id integer not null unique,
      title text not null,
      summary text,
      body text not null,
      url text not null,
      published_at text not null,
      lang text not null default 'vi',
      indexed_at text not null,
      primary key (agency_id, kind, ref_id)
    )`.execute(db);
    await sql`create virtual table search_fts using fts5(
      tokens,
      content = '', contentless_delete = 1, detail = none,
      tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
    )`.execute(db);
    await sql`create trigger search_documents_fts_delete after delete on search_documents begin
      delete from search_fts where rowid = old.doc_id;
    end`.execute(db);
    return;
  }
  await sql`create table search_documents (
    agency_id text not null references agencies(id) on delete cascade,
    kind text not null,
    ref_id text not null,
    doc_id bigint not null unique,
    title text not null,
    summary text,
    body text not null,
    url text not null,
    published_at text not null,
    lang text not null default 'vi',
    indexed_at text not null,
    lex tsvector not null,
    primary key (agency_id, kind, ref_id)
  )`.execute(db);
  // `lex` stays in the row (compressed) so filtering by it never reads TOAST; the body may go out.
  await sql`alter table search_documents alter column lex set storage main`.execute(db);
  await sql`alter table search_documents set (toast_tuple_target = 8160)`.execute(db);
  await sql`create index search_documents_lex on search_documents using gin (lex) with (fastupdate = off)`.execute(db);
  await sql`create index search_documents_recent on search_documents (agency_id, doc_id desc)`.execute(db);
  await sql`create index search_documents_kind_recent on search_documents (agency_id, kind, doc_id desc)`.execute(db);
}
