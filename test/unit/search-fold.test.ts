import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fts5Expression, tsqueryLiteral, tsvectorLiteral } from '../../src/platform/search/engines.ts';
import {
  documentTokens, escapeHtml, foldForSearch, foldedWords, highlight, matchQuery, MAX_QUERY_WORDS, parseQuery, rankTiers, snippet, tokenize, type TokenQuery,
} from '../../src/platform/search/text.ts';

const VI_LOWER = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const VI_LETTERS = [...VI_LOWER, ...VI_LOWER.toUpperCase()];

/** Vietnamese words, spaces, punctuation and HTML-special characters, in NFC or NFD. */
const viText = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...VI_LETTERS) },
        { weight: 2, arbitrary: fc.constant(' ') },
        { weight: 1, arbitrary: fc.constantFrom('0', '6', '.', ',', '-', '"', '<', '>', '&', "'", '\n', '*', '(', ':') },
      ),
      { maxLength: 80 },
    ),
    fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
  )
  .map(([chars, form]) => chars.join('').normalize(form));

/** Any text at all, Vietnamese mixed in so the interesting paths are hit often. */
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), viText);

/** Inverse of highlight/snippet markup: drop <mark> tags, unescape entities. */
function plain(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('foldForSearch', () => {
  it('folds case, tones and đ', () => {
    expect(foldForSearch('Đăng')).toBe('dang');
    expect(foldForSearch('THỦ')).toBe('thu');
    expect(foldForSearch('tục')).toBe('tuc');
    expect(foldForSearch('Đề'.normalize('NFD'))).toBe('de');
    expect(tokenize('Thủ tục hành chính, Đề án 06!').map((t) => t.folded)).toEqual(['thu', 'tuc', 'hanh', 'chinh', 'de', 'an', '06']);
  });

  it('is idempotent, and NFC/NFD spellings fold alike', () => {
    fc.assert(fc.property(anyText, (s) => foldForSearch(foldForSearch(s)) === foldForSearch(s)), { numRuns: 1000 });
    fc.assert(fc.property(viText, (s) => foldForSearch(s.normalize('NFC')) === foldForSearch(s.normalize('NFD'))));
  });

  it('leaves words of lower-case letters and digits without marks', () => {
    fc.assert(
      fc.property(anyText, (s) => tokenize(s).every((t) => /^[\p{L}\p{N}]+$/u.test(t.folded) && !/[đĐ\p{M}]/u.test(t.folded) && t.folded === t.folded.toLowerCase())),
      { numRuns: 1000 },
    );
  });

  it('tokens point at words of the original text', () => {
    fc.assert(
      fc.property(anyText, (s) => tokenize(s).every((t) => foldForSearch(s.slice(t.start, t.end)) === t.folded)),
      { numRuns: 500 },
    );
  });
});

describe('parseQuery', () => {
  it('keeps only words: FTS syntax and HTML become separators', () => {
    expect(parseQuery('"thủ tục" -hành* NEAR(chính) a OR b:^c').terms).toEqual(['thu', 'tuc', 'hanh', 'near', 'chinh', 'a', 'or', 'b', 'c']);
    expect(parseQuery('   ').terms).toEqual([]);
    expect(parseQuery('"*-:^()\'; --').terms).toEqual([]);
    expect(parseQuery("'; drop table search_documents; --").terms).toEqual(['drop', 'table', 'search', 'documents']);
  });

  it('dedupes words, keeps the phrase order, caps length and word count', () => {
    expect(parseQuery('Đăng ký đăng KÝ')).toEqual({ terms: ['dang', 'ky'], phrase: ['dang', 'ky', 'dang', 'ky'] });
    expect(parseQuery('x'.repeat(10_000)).terms).toEqual([]); // one word longer than any indexed word
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(parseQuery(many).terms).toHaveLength(MAX_QUERY_WORDS);
  });

  it('never throws, and engine expressions only ever contain quoted tokens', () => {
    fc.assert(
      fc.property(anyText, (q) => {
        const query = parseQuery(q);
        if (query.terms.length === 0) return;
        for (const mode of ['and', 'or'] as const) {
          for (const { query: tq } of rankTiers(query, mode)) {
            // Outside quoted strings only structure: parentheses and AND/OR/NOT.
            const outside = fts5Expression(tq).replace(/"[a-z0-9_]+"/g, '');
            expect(outside.replace(/\b(AND|OR|NOT)\b/g, '')).toMatch(/^[\s()]*$/);
            expect(tsqueryLiteral(tq).replace(/'[a-z0-9_]+'/g, '')).toMatch(/^[\s()&|!]*$/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Evaluates a token query against a document's token set (what both engines do). */
function holds(q: TokenQuery, tokens: Set<string>): boolean {
  if ('token' in q) return tokens.has(q.token);
  if ('and' in q) return q.and.every((x) => holds(x, tokens));
  if ('or' in q) return q.or.some((x) => holds(x, tokens));
  return holds(q.from, tokens) && !holds(q.not, tokens);
}

describe('index tokens and rank tiers', () => {
  const words = (s: string) => foldedWords(s);

  it('indexes words, adjacent pairs, title words and title pairs as [a-z0-9_] tokens', () => {
    expect(documentTokens({ title: words('Đăng ký'), summary: [], body: words('Thủ tục') }).sort()).toEqual(
      ['dang', 'ky', 'p_dang_ky', 't_dang', 't_ky', 't_p_dang_ky', 'thu', 'tuc', 'p_thu_tuc'].sort(),
    );
    expect(documentTokens({ title: ['ß'], summary: [], body: [] })).toEqual(['x_c39f', 't_x_c39f']);
    fc.assert(
      fc.property(anyText, anyText, (t, b) => documentTokens({ title: words(t), summary: [], body: words(b) }).every((x) => /^[a-z0-9_]+$/.test(x))),
      { numRuns: 500 },
    );
  });

  it('the tiers partition the matching documents: each match is in exactly one tier', () => {
    fc.assert(
      fc.property(viText, viText, viText, (title, body, q) => {
        const query = parseQuery(q);
        if (query.terms.length === 0) return;
        const doc = new Set(documentTokens({ title: words(title), summary: [], body: words(body) }));
        for (const mode of ['and', 'or'] as const) {
          const tiers = rankTiers(query, mode);
          const inTiers = tiers.filter((t) => holds(t.query, doc));
          const matches = holds(matchQuery(query, mode), doc);
          expect(inTiers.length).toBe(matches ? 1 : 0);
          // The guards, tested in order on a match, pick the same tier.
          if (matches) expect(tiers.find((t) => !t.guard || holds(t.guard, doc))).toBe(inTiers[0]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('ranks the title phrase, then title words, then the phrase, then the words', () => {
    const query = parseQuery('đăng ký kinh doanh');
    const tierOf = (title: string, body: string) => {
      const doc = new Set(documentTokens({ title: words(title), summary: [], body: words(body) }));
      return rankTiers(query, 'and').find((t) => holds(t.query, doc))?.score;
    };
    expect(tierOf('Đăng ký kinh doanh', '')).toBe(4);
    expect(tierOf('Kinh doanh: đăng ký', '')).toBe(3);
    expect(tierOf('Hội nghị', 'hướng dẫn đăng ký kinh doanh')).toBe(2);
    expect(tierOf('Hội nghị', 'kinh doanh và đăng ký')).toBe(1);
    expect(tierOf('Hội nghị', 'đăng ký')).toBeUndefined();
  });

  it('renders tsvector and tsquery literals', () => {
    expect(tsvectorLiteral(['dang', 'p_dang_ky'])).toBe("'dang' 'p_dang_ky'");
    expect(tsqueryLiteral({ not: { token: 't_a' }, from: { and: [{ token: 'a' }, { token: 'b' }] } })).toBe("(('a' & 'b') & !'t_a')");
    expect(fts5Expression({ not: { token: 't_a' }, from: { or: [{ token: 'a' }, { token: 'b' }] } })).toBe('(("a" OR "b") NOT "t_a")');
  });
});

describe('highlight', () => {
  it('marks matched words in the original text, adjacent ones together', () => {
    const terms = parseQuery('dang ky').terms;
    expect(highlight('Đăng ký kinh doanh', terms)).toBe('<mark>Đăng ký</mark> kinh doanh');
    expect(highlight('Hướng dẫn ĐĂNG KÝ, đăng ký lại', terms)).toBe('Hướng dẫn <mark>ĐĂNG KÝ</mark>, <mark>đăng ký</mark> lại');
    expect(highlight('<b>Đăng</b> & ký', terms)).toBe('&lt;b&gt;<mark>Đăng</mark>&lt;/b&gt; &amp; <mark>ký</mark>');
    expect(highlight('Đăng ký', [])).toBe('Đăng ký');
  });

  it('with tags removed and unescaped, gives the original text back', () => {
    fc.assert(
      fc.property(anyText, anyText, (text, q) => {
        const html = highlight(text, parseQuery(q).terms);
        return plain(html) === text && !/[<>"']/.test(html.replace(/<\/?mark>/g, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('marks exactly the words whose folded form was searched', () => {
    fc.assert(
      fc.property(viText, viText, (text, q) => {
        const terms = parseQuery(q).terms;
        const html = highlight(text, terms);
        const marked = [...html.matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((m) => tokenize(plain(m[1]!)).map((t) => t.folded));
        const expected = tokenize(text).filter((t) => terms.includes(t.folded)).map((t) => t.folded);
        expect(marked).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('snippet', () => {
  it('shows ~200 characters around the first match, cut at spaces', () => {
    const before = 'Mở đầu văn bản. '.repeat(30);
    const text = `${before}Người dân có thể Đăng ký kinh doanh trực tuyến. ${'Nội dung tiếp theo. '.repeat(30)}`;
    const html = snippet(text, parseQuery('dang ky').terms);
    expect(html).toContain('<mark>Đăng ký</mark> kinh doanh');
    expect(html.startsWith('… ')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
    expect(plain(html).length).toBeLessThanOrEqual(210);
    expect(plain(html).length).toBeGreaterThan(150);
  });

  it('starts at the beginning when nothing matches, and is whole for short text', () => {
    expect(snippet('Ngắn gọn', ['xyz'])).toBe('Ngắn gọn');
    expect(snippet('a '.repeat(200), ['zz']).endsWith(' …')).toBe(true);
    expect(snippet('', ['a'])).toBe('');
  });

  it('is a piece of the text: unmarked and unescaped it occurs in the original', () => {
    fc.assert(
      fc.property(fc.array(viText, { maxLength: 8 }).map((a) => a.join(' ')), viText, fc.integer({ min: 20, max: 200 }), (text, q, len) => {
        const html = snippet(text, parseQuery(q).terms, len);
        const inner = plain(html).replace(/^… /, '').replace(/ …$/, '');
        expect(text.includes(inner)).toBe(true);
        expect(inner.length).toBeLessThanOrEqual(len + 60);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
