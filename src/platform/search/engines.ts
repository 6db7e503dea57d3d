/**
 * ENGINE-SPECIFIC SQL of platform search (the one place where search SQL differs by engine).
 *
 * Both engines store the same index tokens of a document (text.ts: words, adjacent-word pairs,
 * title words and title pairs, all [a-z0-9_]) and answer the same boolean token queries, so they
 * match, rank and count identically. Ranking is by tier (text.ts `rankTiers`: title phrase,
 * title words, phrase, words), most recent first within a tier; matches are counted up to
 * TOTAL_CAP. Matches are read in recency order and only as far as the page needs, so a word
 * found in every document costs no more than a rare one. (Why not bm25 / ts_rank: measured at
 * 50 000 documents, FTS5 bm25() reads every matching row to compute its IDF, and ranking
 * tsvectors reads every matching tsvector: 100–500 ms for a common word.)
 *
 * - SQLite: `search_fts`, a contentless FTS5 table (detail=none: document ids only,
 *   contentless_delete=1) with one column of tokens plus two scope tokens, `s_a<hex agency id>`
 *   and `s_k<hex kind>`, so agency and kind filters are part of the match. Its rowid is
 *   `search_documents.doc_id`, a recency key (published time in ms × 1024 + a sequence), so
 *   `order by rowid desc` is "most recent first" straight from the index. A trigger deletes
 *   the FTS row when a search_documents row goes (agency cascades included).
 *
 * - PostgreSQL: `search_documents.lex`, a position-less tsvector of the tokens kept in the row,
 *   a GIN index on it, and btrees on (agency_id, doc_id desc) and (agency_id, kind, doc_id desc);
 *   doc_id is the same recency key as on SQLite (bigint), so ties order identically. GIN cannot
 *   read matches in recency order, and reading thousands of matching rows to sort them is slow,
 *   so a search reads the agency's most recent documents through the btree, newest first, and
 *   sorts them into tiers as it goes: FIRST_WINDOW of them in the first query (with the texts of
 *   the best: usually the whole page), then more while the density seen says the page (or the
 *   count) is near, up to MAX_SCAN; a tier still short then continues through GIN, and so does
 *   the count. The planner is steered with SET LOCAL (it would otherwise walk the btree
 *   through years of documents for a word common only in old ones, or AND a bitmap of the whole
 *   agency). A tier read through GIN asks for the tier's words without the exclusions that
 *   separate it from the earlier tiers, and leaves out their matches by doc_id instead (they
 *   are all found by then); when only references are wanted, GIN reads return them. Tsvector
 *   and tsquery are literals built here: no text search configuration or parser touches the
 *   tokens.
 */
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import { matchQuery, rankTiers, withoutExclusions, type ParsedQuery, type TokenQuery } from './text.ts';

/** A document as stored (original text, NFC; published_at normalised ISO-8601). */
export interface StoredDocument {
  agency_id: string;
  kind: string;
  ref_id: string;
  title: string;
  summary: string | null;
  body: string;
  url: string;
  published_at: string;
  lang: string;
  /** The document's facets, one per line ('' when none). */
  facets: string;
  indexed_at: string;
}

export interface SearchFilter {
  agencyId: string;
  kinds: string[] | undefined;
  /** Facet tokens every match must hold. */
  facets: string[];
  /**
   * False: the caller wants references only — rows carry only doc_id, kind and ref_id, and the
   * total is not counted beyond the rows found (no count query, no scan or GIN read for it).
   */
  texts: boolean;
  query: ParsedQuery;
  mode: 'and' | 'or';
  limit: number;
  offset: number;
}

/** One match of the page, best first. */
export interface RankedRow {
  doc_id: number;
  kind: string;
  ref_id: string;
  title: string;
  url: string;
  published_at: string;
  summary: string | null;
  /** The start of the body: enough to find the snippet. */
  body: string;
  score: number;
}

export interface SearchPage {
  /** Matches counted up to TOTAL_CAP; `totalExact` is false when there are more. */
  total: number;
  totalExact: boolean;
  rows: RankedRow[];
}

export interface SearchEngine {
  upsert(trx: Executor, doc: StoredDocument, tokens: string[]): Promise<void>;
  remove(trx: Executor, agencyId: string, kind: string, refId: string): Promise<void>;
  search(filter: SearchFilter): Promise<SearchPage>;
  /**
   * Rebuilds the engine's token index of every stored document (of one kind) from its stored
   * text, in `trx` when given (a migration), else in transactions of its own.
   */
  reindexAll(tokens: (doc: StoredDocument) => string[], kind?: string, trx?: Executor): Promise<number>;
}

/** Matches are counted up to this many (the rest of a common word's matches are not read). */
export const TOTAL_CAP = 100;
/** How much of a body is read back to cut the snippet (its first match is usually early). */
export const SNIPPET_SCAN_CHARS = 30_000;

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

const MAX_MS = 8_000_000_000_000; // ±2223 years around 1970: keys stay exact doubles
const SEQ = 1024;
/** Advisory lock class of doc_id allocation (an arbitrary constant). */
const LOCK_CLASS = 0x5eac;

/**
 * The recency key of a new row published at `publishedAt`, the same on both engines: an unused
 * ms × 1024 + a sequence, so "most recent first" is "highest doc_id first". On PostgreSQL an
 * advisory lock (per millisecond, until the transaction ends) keeps two writers from taking
 * the same key; SQLite has one writer.
 */
async function newDocId(trx: Executor, publishedAt: string, engine: 'sqlite' | 'postgres'): Promise<number> {
  const ms = Math.max(-MAX_MS, Math.min(MAX_MS, Date.parse(publishedAt)));
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, ${ms % 2_000_000_000})`.execute(trx);
  // More than 1024 documents at one millisecond: use the free keys of the ms before.
  for (let base = ms * SEQ; ; base -= SEQ) {
    const r = await sql<{ m: number | null }>`select max(doc_id) as m from search_documents where doc_id between ${base} and ${base + SEQ - 1}`.execute(trx);
    const m = r.rows[0]?.m == null ? null : Number(r.rows[0].m);
    if (m === null) return base;
    if (m < base + SEQ - 1) return m + 1;
  }
}

const ROW_COLUMNS = sql`doc_id, kind, ref_id, title, url, published_at, summary, substr(body, 1, ${SNIPPET_SCAN_CHARS}) as body`;
/** The columns of a row when only references are wanted (no text read from the table or TOAST). */
const REF_COLUMNS = sql`doc_id, kind, ref_id, '' as title, '' as url, '' as published_at, null as summary, '' as body`;
const rowColumns = (texts: boolean) => (texts ? ROW_COLUMNS : REF_COLUMNS);
const ROW_COLUMNS_D = sql`d.doc_id, null::int, true, d.kind, d.ref_id, d.title, d.url, d.published_at, d.summary, substr(d.body, 1, ${SNIPPET_SCAN_CHARS})`;
const REF_COLUMNS_D = sql`d.doc_id, null::int, true, d.kind, d.ref_id, '', '', '', null, ''`;

// ───────────────────────────── SQLite (FTS5) ─────────────────────────────

/** A token query as an FTS5 expression: every token quoted, so user text is never syntax. */
export function fts5Expression(q: TokenQuery): string {
  if ('token' in q) return `"${q.token.replace(/"/g, '""')}"`;
  if ('and' in q) return `(${q.and.map(fts5Expression).join(' AND ')})`;
  if ('or' in q) return `(${q.or.map(fts5Expression).join(' OR ')})`;
  return `(${fts5Expression(q.from)} NOT ${fts5Expression(q.not)})`;
}

function scoped(filter: Pick<SearchFilter, 'agencyId' | 'kinds' | 'facets'>, q: TokenQuery): string {
  const parts: TokenQuery[] = [{ token: `s_a${hex(filter.agencyId)}` }];
  if (filter.kinds?.length) parts.push({ or: filter.kinds.map((k) => ({ token: `s_k${hex(k)}` })) });
  return fts5Expression({ and: [...parts, ...filter.facets.map((token) => ({ token })), q] });
}

/** `q` and every facet of the filter (PostgreSQL: facets are tokens of `lex` like words). */
function withFacets(filter: Pick<SearchFilter, 'facets'>, q: TokenQuery): TokenQuery {
  return filter.facets.length ? { and: [q, ...filter.facets.map((token) => ({ token }))] } : q;
}

/** SQLite's reads: one tier, the count, the page rows. */
interface EngineReads {
  /** Ids of documents matching `query` (within agency and kinds), most recent first, at most `limit`. */
  tier(filter: SearchFilter, query: TokenQuery, limit: number): Promise<number[]>;
  /** How many documents match, counting at most `cap + 1`. */
  count(filter: SearchFilter, query: TokenQuery, cap: number): Promise<number>;
  rows(agencyId: string, ids: number[], texts: boolean): Promise<Omit<RankedRow, 'score'>[]>;
}

/**
 * The page: tiers in order, each read most recent first and only as far as the page needs.
 * A tier that answers fewer rows than asked is complete, so when every tier read is complete
 * the total is exact without a count.
 */
async function searchByTiers(reads: EngineReads, filter: SearchFilter): Promise<SearchPage> {
  const need = filter.offset + filter.limit;
  const found: { id: number; score: number }[] = [];
  let complete = true;
  for (const tier of rankTiers(filter.query, filter.mode)) {
    const want = need - found.length;
    const ids = await reads.tier(filter, tier.query, want);
    for (const id of ids) found.push({ id, score: tier.score });
    if (ids.length === want) {
      complete = false;
      break;
    }
  }
  let total = found.length;
  if (!complete && filter.texts) total = await reads.count(filter, matchQuery(filter.query, filter.mode), TOTAL_CAP);
  const page = found.slice(filter.offset);
  if (page.length === 0) return { total: Math.min(total, TOTAL_CAP), totalExact: total <= TOTAL_CAP, rows: [] };
  const byId = new Map((await reads.rows(filter.agencyId, page.map((p) => p.id), filter.texts)).map((r) => [r.doc_id, r]));
  return {
    total: Math.min(total, TOTAL_CAP),
    totalExact: total <= TOTAL_CAP,
    rows: page.filter((p) => byId.has(p.id)).map((p) => ({ ...byId.get(p.id)!, score: p.score })),
  };
}

function sqliteEngine(db: Kysely<DB>): SearchEngine {
  async function writeFts(trx: Executor, docId: number, doc: Pick<StoredDocument, 'agency_id' | 'kind'>, tokens: string[]) {
    await sql`insert into search_fts (rowid, tokens) values (${docId}, ${`s_a${hex(doc.agency_id)} s_k${hex(doc.kind)} ${tokens.join(' ')}`})`.execute(trx);
  }

  const reads: EngineReads = {
    async tier(filter, query, limit) {
      const r = await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${scoped(filter, query)} order by rowid desc limit ${limit}`.execute(db);
      return r.rows.map((row) => row.id);
    },
    async count(filter, query, cap) {
      const r = await sql<{ n: number }>`select count(*) as n from (select rowid from search_fts where search_fts match ${scoped(filter, query)} limit ${cap + 1})`.execute(db);
      return Number(r.rows[0]!.n);
    },
    async rows(agencyId, ids, texts) {
      // `+agency_id`: look rows up by doc_id; without statistics SQLite would scan the agency's rows.
      const r = await sql<Omit<RankedRow, 'score'>>`select ${rowColumns(texts)} from search_documents where doc_id in (${sql.join(ids)}) and +agency_id = ${agencyId}`.execute(db);
      return r.rows;
    },
  };

  return {
    async upsert(trx, doc, tokens) {
      const existing = await sql<{ doc_id: number; published_at: string; kind: string }>`select doc_id, published_at, kind from search_documents
        where agency_id = ${doc.agency_id} and kind = ${doc.kind} and ref_id = ${doc.ref_id}`.execute(trx);
      const old = existing.rows[0];
      if (!old) {
        const docId = await newDocId(trx, doc.published_at, 'sqlite');
        await sql`insert into search_documents (agency_id, kind, ref_id, doc_id, title, summary, body, url, published_at, lang, facets, indexed_at)
          values (${doc.agency_id}, ${doc.kind}, ${doc.ref_id}, ${docId}, ${doc.title}, ${doc.summary}, ${doc.body}, ${doc.url},
            ${doc.published_at}, ${doc.lang}, ${doc.facets}, ${doc.indexed_at})`.execute(trx);
        await writeFts(trx, docId, doc, tokens);
        return;
      }
      await sql`delete from search_fts where rowid = ${old.doc_id}`.execute(trx);
      const docId = old.published_at === doc.published_at ? old.doc_id : await newDocId(trx, doc.published_at, 'sqlite');
      await sql`update search_documents set doc_id = ${docId}, title = ${doc.title}, summary = ${doc.summary}, body = ${doc.body}, url = ${doc.url},
          published_at = ${doc.published_at}, lang = ${doc.lang}, facets = ${doc.facets}, indexed_at = ${doc.indexed_at}
        where doc_id = ${old.doc_id}`.execute(trx);
      await writeFts(trx, docId, doc, tokens);
    },

    async remove(trx, agencyId, kind, refId) {
      // The search_documents_fts_delete trigger removes the FTS row.
      await sql`delete from search_documents where agency_id = ${agencyId} and kind = ${kind} and ref_id = ${refId}`.execute(trx);
    },

    search: (filter) => searchByTiers(reads, filter),

    async reindexAll(tokens, kind, inTrx) {
      const run = async (trx: Executor) => {
        if (!kind) await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(trx);
        let n = 0;
        for (let after: number | null = null; ; ) {
          const batch: { rows: (StoredDocument & { doc_id: number })[] } = await sql<StoredDocument & { doc_id: number }>`select * from search_documents
            where ${after === null ? sql`1 = 1` : sql`doc_id > ${after}`} ${kind ? sql`and kind = ${kind}` : sql``} order by doc_id limit 500`.execute(trx);
          for (const doc of batch.rows) {
            if (kind) await sql`delete from search_fts where rowid = ${doc.doc_id}`.execute(trx);
            await writeFts(trx, doc.doc_id, doc, tokens(doc));
          }
          n += batch.rows.length;
          if (batch.rows.length < 500) return n;
          after = batch.rows[batch.rows.length - 1]!.doc_id;
        }
      };
      return inTrx ? run(inTrx) : db.transaction().execute(run);
    },
  };
}

// ───────────────────────────── PostgreSQL (tsvector) ─────────────────────────────

/** A token query as a tsquery literal (tokens are [a-z0-9_]: quoting needs no escapes). */
export function tsqueryLiteral(q: TokenQuery): string {
  if ('token' in q) return `'${q.token}'`;
  if ('and' in q) return `(${q.and.map(tsqueryLiteral).join(' & ')})`;
  if ('or' in q) return `(${q.or.map(tsqueryLiteral).join(' | ')})`;
  return `(${tsqueryLiteral(q.from)} & !${tsqueryLiteral(q.not)})`;
}

/** A position-less tsvector literal of the tokens. */
export function tsvectorLiteral(tokens: string[]): string {
  return tokens.map((t) => `'${t}'`).join(' ');
}

/** PostgreSQL first reads this many of an agency's most recent documents… */
export const FIRST_WINDOW = 600;
/** …and reads on through the btree, while the density seen says it is cheaper than GIN, up to this many. */
export const MAX_SCAN = 2400;

function postgresEngine(db: Kysely<DB>): SearchEngine {
  /** See the top of this file: the window first, then GIN for what may lie before it. */
  async function search(filter: SearchFilter): Promise<SearchPage> {
    // One pinned connection; a transaction is opened only to steer the planner (SET LOCAL).
    return db.connection().execute(async (conn) => {
      let inTransaction = false;
      let plans: 'default' | 'gin' | 'btree' = 'default';
      const steer = async (want: 'gin' | 'btree') => {
        if (plans === want || (want === 'btree' && plans === 'default')) return; // the default plans index scans well
        const on = (yes: boolean) => (yes ? 'on' : 'off');
        // Without parameters pg sends the statements as one simple query: one round trip.
        await sql
          .raw(
            `${inTransaction ? '' : 'begin; '}set local enable_seqscan = off; set local enable_bitmapscan = ${on(want === 'gin')}; ` +
              `set local enable_indexscan = ${on(want === 'btree')}; set local enable_indexonlyscan = ${on(want === 'btree')}`,
          )
          .execute(conn);
        inTransaction = true;
        plans = want;
      };
      try {
        return await windowSearch(conn, filter, steer);
      } finally {
        // Read-only: nothing to keep. Not awaited, so the answer does not wait a round trip for
        // it: pg's client runs its queries in order, so whoever gets this connection from the
        // pool next is queued behind the rollback. A failure there is the connection's, and the
        // pool's error handling (database.ts) deals with it.
        if (inTransaction) void sql`rollback`.execute(conn).catch(() => {});
      }
    });
  }

  async function windowSearch(conn: Kysely<DB>, filter: SearchFilter, steer: (plans: 'gin' | 'btree') => Promise<void>): Promise<SearchPage> {
    // Each tier is read through GIN by its reach (see the tier loop); the window sorts rows by the guards.
    const tiers = rankTiers(filter.query, filter.mode).map((t) => ({ ...t, reach: withFacets(filter, withoutExclusions(t.query)) }));
    const match = tsqueryLiteral(withFacets(filter, matchQuery(filter.query, filter.mode)));
    const need = filter.offset + filter.limit;
    const tierOf = sql`case when lex @@ ${match}::tsquery then case ${sql.join(
      tiers.map((t, i) => (t.guard ? sql`when lex @@ ${tsqueryLiteral(t.guard)}::tsquery then ${i}::int` : sql`else ${i}::int`)),
      sql` `,
    )} end end`;
    const kinds = filter.kinds?.length ? sql`and kind in (${sql.join(filter.kinds)})` : sql``;

    // The scanned prefix: the agency's most recent documents, newest first. Only its matches
    // (with their tier) come back, plus its size and its oldest doc_id: parsing 600 rows of which
    // most do not match cost more than reading them. `all`: nothing older is left.
    const matches: { id: number; tier: number }[] = [];
    let scannedCount = 0;
    let oldestScanned: number | undefined;
    let all = false;
    const texts = new Map<number, Omit<RankedRow, 'score'>>();
    const boundary = () => (oldestScanned !== undefined ? sql`and doc_id < ${oldestScanned}` : sql``);
    /** Matches and the summary row (`tier` null: the count in `n`, the oldest doc_id) of a scanned stretch. */
    const scanRows = sql`select doc_id, tier, 0 as n from w where tier is not null
      union all
      select min(doc_id), null, count(*)::int from w`;
    type ScanRow = { doc_id: string | null; tier: number | null; n: number };
    /** Takes a scanned stretch in; returns how many documents it held. */
    const takeScan = (rows: ScanRow[]) => {
      let n = 0;
      for (const r of rows) {
        if (r.tier !== null) matches.push({ id: Number(r.doc_id), tier: r.tier });
        else {
          n = r.n;
          if (r.doc_id !== null) oldestScanned = Number(r.doc_id);
        }
      }
      scannedCount += n;
      return n;
    };
    const byRecency = () => matches.sort((a, b) => b.id - a.id);

    // The first window comes with the texts (or references) of its `need` best matches: usually the whole page.
    type WindowRow = ScanRow & { text: boolean } & Omit<RankedRow, 'doc_id' | 'score'>;
    const first = await sql<WindowRow>`
      with w as materialized (
        select doc_id, ${tierOf} as tier from search_documents where agency_id = ${filter.agencyId} ${kinds}
        order by doc_id desc limit ${FIRST_WINDOW}
      )
      select doc_id, tier, false as text, null as kind, null as ref_id, null as title, null as url,
        null as published_at, null as summary, null as body, n
      from (${scanRows}) s
      union all
      select ${filter.texts ? ROW_COLUMNS_D : REF_COLUMNS_D}, 0 from search_documents d
      where d.doc_id in (select doc_id from w where tier is not null order by tier, doc_id desc limit ${need})`.execute(conn);
    // doc_id is bigint: text from pg, exact as a JS number (< 2^53).
    for (const r of first.rows) if (r.text) texts.set(Number(r.doc_id), { ...r, doc_id: Number(r.doc_id) });
    all = takeScan(first.rows.filter((r) => !r.text)) < FIRST_WINDOW;
    byRecency();

    /** Reads `n` more documents through the btree, newest first. */
    const extend = async (n: number) => {
      await steer('btree'); // back from GIN, if it was used
      const more = await sql<ScanRow>`with w as materialized (select doc_id, ${tierOf} as tier from search_documents
        where agency_id = ${filter.agencyId} ${kinds} ${boundary()} order by doc_id desc limit ${n}) ${scanRows}`.execute(conn);
      if (takeScan(more.rows) < n) all = true;
      byRecency();
    };
    /**
     * Whether reading on through the btree is cheaper than GIN: `wanted` more rows of which
     * `seen` turned up in the scanned prefix (the density, if recent documents are typical).
     */
    const worthExtending = (wanted: number, seen: number) => {
      if (all || seen === 0) return 0;
      const rows = Math.ceil((1.5 * wanted * scannedCount) / seen);
      return scannedCount + rows <= MAX_SCAN ? rows : 0;
    };
    // GIN reads: filters written so no btree can serve them (`|| ''`, `+ 0`): ANDing a bitmap of
    // all the agency's rows with the GIN bitmap costs more than checking each match.
    const olderGin = () => sql`and agency_id || '' = ${filter.agencyId}
      ${filter.kinds?.length ? sql`and kind || '' in (${sql.join(filter.kinds)})` : sql``}
      ${oldestScanned !== undefined ? sql`and doc_id + 0 < ${oldestScanned}` : sql``}`;

    // A GIN read visits the row of every match anyway: when only references are wanted, it
    // returns them too, which saves reading the page's rows by id afterwards (a round trip).
    const refsInline = filter.texts ? sql`doc_id` : REF_COLUMNS;
    /** A GIN read's row: the references too when `refsInline` has them (doc_id is bigint: text from pg). */
    type GinRow = Omit<RankedRow, 'doc_id' | 'score'> & { doc_id: string };
    const keepRefs = (rows: GinRow[]) => {
      if (filter.texts) return;
      for (const { doc_id, kind, ref_id, title, url, published_at, summary, body } of rows) texts.set(Number(doc_id), { doc_id: Number(doc_id), kind, ref_id, title, url, published_at, summary, body });
    };

    // Nothing matched among the most recent documents: the matches are few, if any (a rare word,
    // a filter that leaves little). One GIN read of every older match, each with its tier, up to
    // what the page and the count need, replaces a GIN read per tier: each of those walks the
    // posting lists of the same common words again (measured: 4 reads of 5–15 ms for no result).
    if (!all && matches.length === 0) {
      const cap = Math.max(need, TOTAL_CAP) + 1;
      await steer('gin');
      const rare = await sql<GinRow & { tier: number }>`select ${refsInline}, ${tierOf} as tier from search_documents
        where lex @@ ${match}::tsquery ${olderGin()} order by doc_id desc limit ${cap}`.execute(conn);
      keepRefs(rare.rows);
      if (rare.rows.length < cap) {
        // Every older document that matches: older than the window, so still newest first.
        for (const r of rare.rows) matches.push({ id: Number(r.doc_id), tier: r.tier });
        all = true;
      }
    }

    const found: { id: number; score: number }[] = [];
    let complete = true;
    for (let t = 0; t < tiers.length && complete; ) {
      const want = need - found.length;
      const inScan = matches.filter((r) => r.tier === t);
      if (inScan.length < want && !all) {
        const more = worthExtending(want - inScan.length, inScan.length);
        if (more > 0) {
          await extend(more);
          continue; // this tier again, with more rows
        }
      }
      const taken = inScan.slice(0, want);
      for (const r of taken) found.push({ id: r.id, score: tiers[t]!.score });
      if (taken.length === want) complete = false;
      else if (!all) {
        // Every match of the earlier tiers is in `found` by now (each was read to its end), so
        // the tier is its query without the exclusions, less those: GIN walks the posting lists
        // of the excluded tokens too (title words, pairs: common ones), measured 3× the time.
        const earlier = found.map((f) => f.id);
        await steer('gin');
        const older = await sql<GinRow>`select ${refsInline} from search_documents
          where lex @@ ${tsqueryLiteral(tiers[t]!.reach)}::tsquery ${olderGin()}
          ${earlier.length > 0 ? sql`and doc_id + 0 <> all(${earlier}::bigint[])` : sql``}
          order by doc_id desc limit ${want - taken.length}`.execute(conn);
        for (const r of older.rows) found.push({ id: Number(r.doc_id), score: tiers[t]!.score });
        keepRefs(older.rows);
        if (older.rows.length === want - taken.length) complete = false;
      }
      t++;
    }

    // The count: exact when every tier was read to its end; else matches scanned, then on
    // through the btree while that is cheap, then GIN, up to TOTAL_CAP + 1.
    let total = found.length;
    if (!complete && filter.texts) {
      total = matches.length;
      if (total <= TOTAL_CAP && !all) {
        const more = worthExtending(TOTAL_CAP + 1 - total, total);
        if (more > 0) {
          await extend(more);
          total = matches.length;
        }
        if (total <= TOTAL_CAP && !all) {
          await steer('gin');
          const c = await sql<{ n: number }>`select count(*)::int as n from (select 1 from search_documents
            where lex @@ ${match}::tsquery ${olderGin()} limit ${TOTAL_CAP + 1 - total}) m`.execute(conn);
          total += c.rows[0]!.n;
        }
      }
    }

    const page = found.slice(filter.offset);
    const missing = page.filter((p) => !texts.has(p.id)).map((p) => p.id);
    if (missing.length > 0) {
      const fetched = await sql<Omit<RankedRow, 'score'>>`select ${rowColumns(filter.texts)} from search_documents
        where doc_id in (${sql.join(missing)}) and agency_id = ${filter.agencyId}`.execute(conn);
      for (const r of fetched.rows) texts.set(Number(r.doc_id), r);
    }
    return {
      total: Math.min(total, TOTAL_CAP),
      totalExact: total <= TOTAL_CAP,
      rows: page.filter((p) => texts.has(p.id)).map((p) => ({ ...texts.get(p.id)!, doc_id: p.id, score: p.score })),
    };
  }

  return {
    async upsert(trx, doc, tokens) {
      const lex = tsvectorLiteral(tokens);
      const existing = await sql<{ doc_id: string; published_at: string }>`select doc_id, published_at from search_documents
        where agency_id = ${doc.agency_id} and kind = ${doc.kind} and ref_id = ${doc.ref_id} for update`.execute(trx);
      const old = existing.rows[0];
      if (!old) {
        const docId = await newDocId(trx, doc.published_at, 'postgres');
        await sql`insert into search_documents (agency_id, kind, ref_id, doc_id, title, summary, body, url, published_at, lang, facets, indexed_at, lex)
          values (${doc.agency_id}, ${doc.kind}, ${doc.ref_id}, ${docId}, ${doc.title}, ${doc.summary}, ${doc.body}, ${doc.url},
            ${doc.published_at}, ${doc.lang}, ${doc.facets}, ${doc.indexed_at}, ${lex}::tsvector)`.execute(trx);
        return;
      }
      const docId = old.published_at === doc.published_at ? Number(old.doc_id) : await newDocId(trx, doc.published_at, 'postgres');
      await sql`update search_documents set doc_id = ${docId}, title = ${doc.title}, summary = ${doc.summary}, body = ${doc.body}, url = ${doc.url},
          published_at = ${doc.published_at}, lang = ${doc.lang}, facets = ${doc.facets}, indexed_at = ${doc.indexed_at}, lex = ${lex}::tsvector
        where agency_id = ${doc.agency_id} and kind = ${doc.kind} and ref_id = ${doc.ref_id}`.execute(trx);
    },

    async remove(trx, agencyId, kind, refId) {
      await sql`delete from search_documents where agency_id = ${agencyId} and kind = ${kind} and ref_id = ${refId}`.execute(trx);
    },

    search,

    async reindexAll(tokens, kind, inTrx) {
      let n = 0;
      for (let after = Number.MIN_SAFE_INTEGER; ; ) {
        const batch = await sql<StoredDocument & { doc_id: number }>`select agency_id, kind, ref_id, title, summary, body, url, published_at, lang, facets, indexed_at, doc_id
          from search_documents where doc_id > ${after} ${kind ? sql`and kind = ${kind}` : sql``} order by doc_id limit 500`.execute(inTrx ?? db);
        const write = async (trx: Executor) => {
          for (const doc of batch.rows) {
            await sql`update search_documents set lex = ${tsvectorLiteral(tokens(doc))}::tsvector where doc_id = ${doc.doc_id}`.execute(trx);
          }
        };
        await (inTrx ? write(inTrx) : db.transaction().execute(write));
        n += batch.rows.length;
        if (batch.rows.length < 500) return n;
        after = Number(batch.rows[batch.rows.length - 1]!.doc_id);
      }
    },
  };
}

export function createEngine(db: Kysely<DB>, engine: 'sqlite' | 'postgres'): SearchEngine {
  return engine === 'sqlite' ? sqliteEngine(db) : postgresEngine(db);
}
