/**
 * Platform full-text search over public content (articles, legal documents, later procedures),
 * the same behaviour on SQLite and PostgreSQL. Callers index inside their own transaction:
 *
 *   await search.upsert(trx, { agencyId, kind: 'article', refId: a.id, title, summary,
 *     body: plainText(a.html), url: `/tin-tuc/${a.slug}`, publishedAt: a.published_at });
 *   await search.remove(trx, agencyId, 'article', a.id);   // unpublished or deleted
 *   const { total, hits } = await search.search(agencyId, request.query.q, { limit: 10 });
 *
 * Matching folds case, tones and đ→d ("dang ky" finds "Đăng ký"), requires every query word
 * (falling back to any word when that finds nothing) and ranks by tier — the query's words
 * adjacent in the title, all words in the title, adjacent in the text, anywhere — most recent
 * first within a tier. Hits carry the original text HTML-escaped with the matches in <mark>.
 * Totals are exact up to TOTAL_CAP (100), beyond that `totalExact` is false.
 * Engine SQL: engines.ts. Words, folding, tokens, tiers, highlighting: text.ts.
 */
import type { Database, Executor } from '../../db/database.ts';
import { nowIso } from '../../db/sql-helpers.ts';
import { createEngine, type RankedRow, type SearchPage, type StoredDocument } from './engines.ts';
import { documentTokens, facetToken, firstMatchIndex, foldedWords, highlight, parseQuery, snippetAt, type ParsedQuery } from './text.ts';

export { TOTAL_CAP } from './engines.ts';
export { facetToken, foldForSearch, highlight, parseQuery, snippet, tokenize } from './text.ts';

export interface SearchDocumentInput {
  agencyId: string;
  /** What the document is: 'article' | 'document' | 'procedure' | … (free text, used by the kinds filter). */
  kind: string;
  /** The caller's id of the document; (agencyId, kind, refId) is the key. */
  refId: string;
  title: string;
  summary?: string | null;
  /** Plain text: the caller strips HTML first. */
  body: string;
  /** Where the hit links to, e.g. `/tin-tuc/slug`. */
  url: string;
  /** ISO-8601 timestamp or date; stored as `Date.toISOString()`. Most recent ranks first within a tier. */
  publishedAt: string;
  /** 'vi' by default. Stored; every language is folded the same way. */
  lang?: string;
  /** Exact filter values a search may require (`field:dat-dai`); see text.ts `facetToken`. */
  facets?: string[];
}

export interface SearchOptions {
  /** Only these kinds; all kinds when absent or empty. */
  kinds?: string[];
  /** 10 by default, at most 50. */
  limit?: number;
  /** 0 by default, at most MAX_OFFSET. */
  offset?: number;
  /** Only documents stored with every one of these facets. */
  facets?: string[];
  /** No "any word" fallback when no document has every word (a catalog that finds nothing says so). */
  everyWord?: boolean;
}

export interface SearchHit {
  kind: string;
  refId: string;
  title: string;
  url: string;
  publishedAt: string;
  /** The title, HTML-escaped, matched words in <mark>. */
  titleHtml: string;
  /** ~200 characters of summary or body around the first match, HTML-escaped, matches in <mark>. */
  snippetHtml: string;
  /** The rank tier: 4 title phrase, 3 title words, 2 phrase, 1 words; 0.75 / 0.25 when no document has every word. */
  score: number;
}

export interface SearchResult {
  /** Matching documents, counted up to TOTAL_CAP (100). */
  total: number;
  /** False when more than TOTAL_CAP documents match: show "more than 100 results". */
  totalExact: boolean;
  hits: SearchHit[];
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;
/** Offsets are capped here: the pages go as far as the results are counted (TOTAL_CAP). */
export const MAX_OFFSET = 100;
/** Only this much of a body is indexed (long legal texts): matches further on are not found. */
export const MAX_INDEXED_BODY = 200_000;

export type SearchIndex = ReturnType<typeof createSearchIndex>;

/** The index tokens of a stored document, the same on both engines. */
export function indexTokens(doc: Pick<StoredDocument, 'title' | 'summary' | 'body' | 'facets'>): string[] {
  return documentTokens(
    {
      title: foldedWords(doc.title),
      summary: foldedWords(doc.summary ?? ''),
      body: foldedWords(doc.body, MAX_INDEXED_BODY),
    },
    splitFacets(doc.facets),
  );
}

/** Facets are stored one per line (a value may hold spaces, never a line break). */
export const joinFacets = (facets: readonly string[] | undefined): string => [...new Set((facets ?? []).map((f) => f.normalize('NFC').replace(/[\r\n]+/g, ' ')))].join('\n');
const splitFacets = (stored: string): string[] => (stored ? stored.split('\n') : []);

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** The snippet: from the summary when it matches, else from the body, else the start of either. */
function bestSnippet(row: RankedRow, terms: string[]): string {
  const summary = row.summary ?? '';
  const body = row.body ?? '';
  const inSummary = firstMatchIndex(summary, terms);
  if (inSummary >= 0) return snippetAt(summary, inSummary, terms);
  const inBody = firstMatchIndex(body, terms);
  if (inBody >= 0) return snippetAt(body, inBody, terms);
  return snippetAt(summary || body, -1, terms);
}

/** The search index of public content; see the top of this file. */
export function createSearchIndex(database: Database) {
  const engine = createEngine(database.db, database.engine);

  async function find(agencyId: string, parsed: ParsedQuery, opts: SearchOptions, texts: boolean): Promise<SearchPage> {
    if (parsed.terms.length === 0) return { total: 0, totalExact: true, rows: [] };
    const limit = clampInt(opts.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInt(opts.offset, 0, 0, MAX_OFFSET);
    const kinds = opts.kinds?.length ? [...new Set(opts.kinds)] : undefined;
    const facets = opts.facets?.length ? [...new Set(opts.facets)].map(facetToken) : [];
    const filter = { agencyId, kinds, facets, query: parsed, limit, offset, texts };
    const found = await engine.search({ ...filter, mode: 'and' });
    if (found.total === 0 && parsed.terms.length > 1 && !opts.everyWord) return engine.search({ ...filter, mode: 'or' });
    return found;
  }

  return {
    /** Adds or replaces a document (key: agencyId, kind, refId), inside the caller's transaction. */
    async upsert(trx: Executor, doc: SearchDocumentInput): Promise<void> {
      const published = Date.parse(doc.publishedAt);
      if (Number.isNaN(published)) throw new TypeError(`search: publishedAt is not a date: "${doc.publishedAt}"`);
      const stored: StoredDocument = {
        agency_id: doc.agencyId,
        kind: doc.kind,
        ref_id: doc.refId,
        title: doc.title.normalize('NFC'),
        summary: doc.summary ? doc.summary.normalize('NFC') : null,
        body: doc.body.normalize('NFC'),
        url: doc.url,
        published_at: new Date(published).toISOString(),
        lang: doc.lang ?? 'vi',
        facets: joinFacets(doc.facets),
        indexed_at: nowIso(),
      };
      await engine.upsert(trx, stored, indexTokens(stored));
    },

    /** Removes a document; nothing happens when it is not indexed. */
    async remove(trx: Executor, agencyId: string, kind: string, refId: string): Promise<void> {
      await engine.remove(trx, agencyId, kind, refId);
    },

    /**
     * The agency's documents matching every word of `query` (any word when none matches all),
     * best first. User input is safe here: only words of letters and digits are searched.
     */
    async search(agencyId: string, query: string, opts: SearchOptions = {}): Promise<SearchResult> {
      const parsed = parseQuery(query);
      const found = await find(agencyId, parsed, opts, true);
      return {
        total: found.total,
        totalExact: found.totalExact,
        hits: found.rows.map((row) => ({
          kind: row.kind,
          refId: row.ref_id,
          title: row.title,
          url: row.url,
          publishedAt: row.published_at,
          titleHtml: highlight(row.title, parsed.terms),
          snippetHtml: bestSnippet(row, parsed.terms),
          score: row.score,
        })),
      };
    },

    /**
     * Like `search`, the references of the page's hits only (kind, refId, score): no text is read,
     * nothing is highlighted and nothing is counted, for callers that show and count their own
     * rows (the procedure catalog, legal documents).
     */
    async searchRefs(agencyId: string, query: string, opts: SearchOptions = {}): Promise<{ refs: Pick<SearchHit, 'kind' | 'refId' | 'score'>[] }> {
      const found = await find(agencyId, parseQuery(query), opts, false);
      return { refs: found.rows.map((row) => ({ kind: row.kind, refId: row.ref_id, score: row.score })) };
    },

    /**
     * Rebuilds the engine index (FTS5 rows / `lex` tsvectors) of every stored document from its
     * stored text, e.g. after a change to the folding. Returns the number of documents.
     * Re-indexing from the sources is the owners' job: call upsert for each of their documents.
     */
    reindexAll(kind?: string): Promise<number> {
      return engine.reindexAll(indexTokens, kind);
    },
  };
}
