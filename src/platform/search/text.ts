/**
 * Text side of platform search, shared by both engines: the one tokeniser (words of letters,
 * marks and digits), the folding of each word (case, tones, đ→d), the parsing of user queries,
 * the index tokens, and highlighting that marks matches found on folded words in the ORIGINAL
 * text.
 *
 * The engines never tokenise Vietnamese themselves: both receive the index tokens built here
 * (ASCII letters, digits and `_`), and queries made of the same tokens. So both engines match
 * exactly the same documents, and highlighting agrees with matching.
 */
import { foldVi } from '../vi-text.ts';

/** Words longer than this (hashes, base64, garbage) are neither indexed nor searched. */
export const MAX_WORD_LENGTH = 60;
/** Only this much of a query is read; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many distinct words of a query are searched. */
export const MAX_QUERY_WORDS = 12;

/** A word of the original text: its position there and its folded form. */
export interface Token {
  start: number;
  end: number;
  folded: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/**
 * The search key of one word: foldVi (lower case, Vietnamese tones and vowel marks removed,
 * đ→d), then any remaining combining mark removed. Example: `foldForSearch('Đăng') === 'dang'`.
 * Idempotent. Applied word by word, so folded and original word boundaries align.
 */
export function foldForSearch(word: string): string {
  if (word.length > MEMO_WORD_LENGTH) return foldWord(word);
  let folded = memo.get(word);
  if (folded === undefined) {
    folded = foldWord(word);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(word, folded);
  }
  return folded;
}

function foldWord(word: string): string {
  return foldVi(word).replace(MARKS, '').normalize('NFC');
}

// Folding is the hot path of indexing and highlighting; a language has few distinct words.
const MEMO_SIZE = 100_000;
const MEMO_WORD_LENGTH = 40;
const memo = new Map<string, string>();

/**
 * Each word of `text` with its offsets (in `text`, any normalisation form) and folded key.
 * Words that fold to nothing or to more than MAX_WORD_LENGTH characters are skipped.
 * `limit` stops after that many characters of text have been read.
 */
export function tokenize(text: string, limit = Infinity): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (m.index >= limit) break;
    const folded = foldForSearch(m[0]);
    if (folded.length === 0 || folded.length > MAX_WORD_LENGTH) continue;
    out.push({ start: m.index, end: m.index + m[0].length, folded });
  }
  return out;
}

/** The folded words of `text` joined by single spaces: what an engine indexes. */
export function foldedWords(text: string, limit = Infinity): string[] {
  return tokenize(text, limit).map((t) => t.folded);
}

export interface ParsedQuery {
  /** Folded query words in query order (repeats kept): the phrase. */
  phrase: string[];
  /** Distinct folded words: the AND / OR terms and the words highlighted. */
  terms: string[];
}

/**
 * User input → folded words. Anything that is not a letter, mark or digit separates words, so
 * FTS syntax (quotes, `*`, `-`, `:`, `^`, parentheses) never reaches an engine; NEAR/OR/AND
 * are ordinary words, quoted when the expression is built. Reads MAX_QUERY_LENGTH characters
 * and keeps MAX_QUERY_WORDS distinct words. An empty `terms` means "nothing to search".
 */
export function parseQuery(query: string): ParsedQuery {
  const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_LENGTH) : '';
  const terms: string[] = [];
  const phrase: string[] = [];
  for (const { folded } of tokenize(text)) {
    if (!terms.includes(folded)) {
      if (terms.length === MAX_QUERY_WORDS) break;
      terms.push(folded);
    }
    phrase.push(folded);
  }
  return { phrase, terms };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * `text` HTML-escaped, with every word whose folded form is one of `terms` wrapped in
 * `<mark>`; matched words separated only by white space share one mark
 * (`<mark>Đăng ký</mark> kinh doanh`). Removing the tags and unescaping gives `text` back.
 */
export function highlight(text: string, terms: readonly string[]): string {
  if (terms.length === 0 || text.length === 0) return escapeHtml(text);
  const wanted = new Set(terms);
  const matched = tokenize(text).filter((t) => wanted.has(t.folded));
  let html = '';
  let pos = 0;
  for (let i = 0; i < matched.length; ) {
    const start = matched[i]!.start;
    let end = matched[i]!.end;
    let j = i + 1;
    while (j < matched.length && /^\s+$/u.test(text.slice(end, matched[j]!.start))) {
      end = matched[j]!.end;
      j++;
    }
    html += `${escapeHtml(text.slice(pos, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    pos = end;
    i = j;
  }
  return html + escapeHtml(text.slice(pos));
}

/** Roughly how many characters a snippet shows. */
export const SNIPPET_LENGTH = 200;
const LEAD = 60;

/**
 * The ~SNIPPET_LENGTH-character window of `text` around its first word matching `terms` (the
 * start of the text when none matches), cut at white space, HTML-escaped, matches marked, with
 * "…" where text was cut. Empty text gives ''.
 */
export function snippet(text: string, terms: readonly string[], length = SNIPPET_LENGTH): string {
  return snippetAt(text, firstMatchIndex(text, terms), terms, length);
}

/** snippet() when the offset of the first match (or -1) is already known. */
export function snippetAt(text: string, first: number, terms: readonly string[], length = SNIPPET_LENGTH): string {
  if (text.length === 0) return '';
  let start = 0;
  if (first > LEAD) {
    // Show up to LEAD characters before the match, more when the match is near the end.
    start = Math.max(0, Math.min(first - LEAD, text.length - length));
    // Begin after white space, never past the match.
    const ws = text.slice(start, first).search(/\s/u);
    start = ws < 0 ? first : start + ws + 1;
  }
  let end = start + length;
  if (end >= text.length) end = text.length;
  else {
    // End before white space, keeping the matched word whole.
    const from = Math.max(start, first);
    const ws = text.slice(from, end + 1).search(/\s\S*$/u);
    if (ws > 0) end = from + ws;
    else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  }
  const before = text.slice(0, start);
  const window = text.slice(start, end);
  return `${before.trim() ? '… ' : ''}${highlight(window.trim(), terms)}${text.slice(end).trim() ? ' …' : ''}`;
}

/** Offset of the first word of `text` whose folded form is one of `terms`, or -1. */
export function firstMatchIndex(text: string, terms: readonly string[]): number {
  if (terms.length === 0) return -1;
  const wanted = new Set(terms);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (wanted.has(foldForSearch(m[0]))) return m.index;
  }
  return -1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// ───────────────────────── index tokens ─────────────────────────
//
// A document is indexed as a set of tokens, all [a-z0-9_], so no engine tokeniser can split
// or alter them:
//   word        `thu`                       every folded word of title, summary and body
//                                           (a word with other letters: `x_` + hex of its UTF-8)
//   pair        `p_thu_tuc`                 every two adjacent words ("phrase" matches)
//   title word  `t_thu`, title pair `t_p_thu_tuc`   the same, from the title only
//   facet       `f_<hex>`                   a caller's filter value ("field:dat-dai"), never typed
// Plain words never contain `_`, so the kinds of token cannot collide. Pairs are made of
// plain ASCII words only (a pair with an `x_` word is not indexed).

const ASCII_WORD = /^[a-z0-9]+$/;

/** The index token of a folded word. Example: `wordToken('dang') === 'dang'`. */
export function wordToken(folded: string): string {
  return ASCII_WORD.test(folded) ? folded : `x_${Buffer.from(folded, 'utf8').toString('hex')}`;
}

/**
 * The index token of a facet: a caller's exact filter value (`field:dat-dai`, `level:Cấp tỉnh`),
 * stored with the document and required by a search that names it, so filters are part of the
 * match rather than applied to a truncated list of hits afterwards.
 */
export function facetToken(facet: string): string {
  return `f_${Buffer.from(facet.normalize('NFC'), 'utf8').toString('hex')}`;
}

/** Pair tokens of adjacent folded words (ASCII words only), in order, distinct. */
export function pairTokens(folded: readonly string[]): string[] {
  const out = new Set<string>();
  for (let i = 1; i < folded.length; i++) {
    const a = folded[i - 1]!;
    const b = folded[i]!;
    if (ASCII_WORD.test(a) && ASCII_WORD.test(b)) out.add(`p_${a}_${b}`);
  }
  return [...out];
}

/** Folded words of the fields of a document. */
export interface FieldWords {
  title: string[];
  summary: string[];
  body: string[];
}

/**
 * The distinct tokens of a document. Pairs do not span fields (a title's last word and the
 * summary's first word are not adjacent).
 */
export function documentTokens(words: FieldWords, facets: readonly string[] = []): string[] {
  const out = new Set<string>(facets.map(facetToken));
  for (const field of [words.title, words.summary, words.body]) {
    for (const w of field) out.add(wordToken(w));
    for (const p of pairTokens(field)) out.add(p);
  }
  for (const w of words.title) out.add(`t_${wordToken(w)}`);
  for (const p of pairTokens(words.title)) out.add(`t_${p}`);
  return [...out];
}

/** A boolean query over tokens, rendered by each engine. */
export type TokenQuery = { and: TokenQuery[] } | { or: TokenQuery[] } | { not: TokenQuery; from: TokenQuery } | { token: string };

/** One rank tier: documents matching `query` and no earlier tier, most recent first. */
export interface Tier {
  /** Exactly this tier's documents (it excludes the earlier tiers). */
  query: TokenQuery;
  /**
   * The same tier as a decision list: a matching document belongs to the first tier whose
   * guard it satisfies; the last tier has none. Cheaper to test row by row than `query`.
   */
  guard?: TokenQuery;
  /** The score reported for hits of this tier (higher is better). */
  score: number;
}

const all = (tokens: string[]): TokenQuery => (tokens.length === 1 ? { token: tokens[0]! } : { and: tokens.map((token) => ({ token })) });
const any = (tokens: string[]): TokenQuery => (tokens.length === 1 ? { token: tokens[0]! } : { or: tokens.map((token) => ({ token })) });
const not = (from: TokenQuery, ...without: TokenQuery[]): TokenQuery => without.reduce<TokenQuery>((acc, w) => ({ not: w, from: acc }), from);

/**
 * The rank tiers of a query, best first; together they are exactly the documents that match
 * (every word in 'and' mode, any word in 'or' mode). 'and' mode with two or more words:
 *   4  the title has every word, adjacent as in the query (every pair)
 *   3  the title has every word
 *   2  the text has every pair (the words adjacent somewhere)
 *   1  the text has every word
 * 'and' with one word: 3 (title), 1 (anywhere). 'or' mode: 0.75 (a word in the title), 0.25.
 */
export function rankTiers(query: ParsedQuery, mode: 'and' | 'or'): Tier[] {
  const words = query.terms.map(wordToken);
  const titleWords = words.map((w) => `t_${w}`);
  if (mode === 'or') {
    return [
      { query: any(titleWords), guard: any(titleWords), score: 0.75 },
      { query: not(any(words), any(titleWords)), score: 0.25 },
    ];
  }
  const pairs = pairTokens(query.phrase);
  if (pairs.length === 0) {
    return [
      { query: all(titleWords), guard: all(titleWords), score: 3 },
      { query: not(all(words), all(titleWords)), score: 1 },
    ];
  }
  const titlePairs = pairs.map((p) => `t_${p}`);
  return [
    { query: all([...titleWords, ...titlePairs]), guard: all([...titleWords, ...titlePairs]), score: 4 },
    { query: not(all(titleWords), all(titlePairs)), guard: all(titleWords), score: 3 },
    { query: not(all([...words, ...pairs]), all(titleWords)), guard: all(pairs), score: 2 },
    { query: not(all(words), all(titleWords), all(pairs)), score: 1 },
  ];
}

/** A tier's query without what it excludes (the earlier tiers): a superset of the tier. */
export function withoutExclusions(q: TokenQuery): TokenQuery {
  return 'not' in q ? withoutExclusions(q.from) : q;
}

/** Every document that matches: the union of the tiers. */
export function matchQuery(query: ParsedQuery, mode: 'and' | 'or'): TokenQuery {
  const words = query.terms.map(wordToken);
  return mode === 'and' ? all(words) : any(words);
}
