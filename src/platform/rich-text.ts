import sanitizeHtml from 'sanitize-html';

/**
 * Rich text of portal articles, written in the admin's TipTap (ProseMirror) editor and stored
 * as HTML. `sanitizeRichText` is the one gate: everything stored or rendered goes through it.
 * The allowlist is what the editor produces; everything else is dropped — tags (their text kept,
 * except for script-like elements whose content goes too), attributes (on*, style, class, id,
 * target…), and URLs other than http(s)/mailto/tel/relative links and https or `/anh/…` (media library) images.
 */

const ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'blockquote', 'ul', 'ol', 'li',
  'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'code', 'pre',
];

/** Disallowed elements whose text is dropped too (raw text, scripts, embedded documents, foreign XML). */
const DROP_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'xmp', 'noscript', 'noembed', 'noframes', 'plaintext',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'title', 'head', 'svg', 'math', 'canvas',
  'audio', 'video', 'map',
];

const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/** Cells span at most this many rows or columns; image dimensions at most 5 digits. */
const MAX_SPAN = 1000;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  // alt="" survives: sanitize-html's default allowedEmptyAttributes is ['alt'].
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { a: LINK_SCHEMES, img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  parseStyleAttributes: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  enforceHtmlBoundary: false,
  nestingLimit: 64,
  selfClosing: ['img', 'br', 'hr'],
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href === undefined ? null : safeHref(attribs.href);
      const out: sanitizeHtml.Attributes = {};
      if (href !== null) {
        out.href = href;
        if (/^https?:/i.test(href)) out.rel = 'noopener noreferrer';
      }
      if (attribs.title) out.title = attribs.title;
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      const src = attribs.src === undefined ? null : safeImageSrc(attribs.src);
      const out: sanitizeHtml.Attributes = {};
      if (src !== null) out.src = src;
      if (attribs.alt !== undefined) out.alt = attribs.alt;
      for (const name of ['width', 'height'] as const) {
        const value = attribs[name]?.trim();
        if (value && /^[1-9]\d{0,4}$/.test(value)) out[name] = value;
      }
      return { tagName, attribs: out };
    },
    td: (tagName, attribs) => ({ tagName, attribs: spans(attribs) }),
    th: (tagName, attribs) => ({ tagName, attribs: spans(attribs) }),
    ol: (tagName, attribs) => {
      const start = attribs.start?.trim();
      const out: sanitizeHtml.Attributes = {};
      if (start && /^-?\d{1,6}$/.test(start)) out.start = String(Number(start));
      return { tagName, attribs: out };
    },
  },
  // An image without an acceptable source goes; a link without one keeps its text.
  exclusiveFilter: (frame) => {
    if (frame.tag === 'img') return !frame.attribs.src;
    if (frame.tag === 'a') return frame.attribs.href ? false : 'excludeTag';
    return false;
  },
};

function spans(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = {};
  for (const name of ['colspan', 'rowspan'] as const) {
    const value = attribs[name]?.trim();
    if (value && /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_SPAN) out[name] = String(Number(value));
  }
  return out;
}

/** ASCII tab, LF and CR: browsers remove them anywhere in a URL. */
const URL_IGNORED = /[\t\n\r]/g;
// eslint-disable-next-line no-control-regex
const C0_OR_SPACE = /[\u0000-\u0020\u007f]/g;

/** The scheme a browser would see (after removing the characters it ignores), lower-case, or null. */
function schemeOf(url: string): string | null {
  const probe = url.replace(C0_OR_SPACE, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(probe);
  return match ? match[1]!.toLowerCase() : null;
}

/** A link target: http, https, mailto, tel, or relative (path, query, #anchor); null otherwise. */
function safeHref(raw: string): string | null {
  const url = raw.replace(URL_IGNORED, '').trim();
  if (url === '') return null;
  const scheme = schemeOf(url);
  if (scheme !== null) return LINK_SCHEMES.includes(scheme) ? url : null;
  const probe = url.replace(C0_OR_SPACE, '');
  // A colon before any '/', '?' or '#' without a valid scheme is ambiguous: refused.
  if (/^[^/?#]*:/.test(probe)) return null;
  // Protocol-relative (`//host`, `\\host`, `/\host`) is another site without a scheme: refused.
  if (/^[\\/]{2}/.test(probe)) return null;
  return url;
}

/** An image source: the portal's media library (`/anh/…`, also `/media/…`) or an https URL; null otherwise (no data:, no http:). */
function safeImageSrc(raw: string): string | null {
  const url = raw.replace(URL_IGNORED, '').trim();
  if (/^\/(?:anh|media)\/[^\s\\]*$/.test(url)) {
    const path = url.split(/[?#]/, 1)[0]!;
    return path.split('/').some((segment) => segment === '..' || segment === '.' || /^%2e/i.test(segment)) ? null : url;
  }
  if (schemeOf(url) === 'https' && /^https:\/\/[^\s\\/?#]+/i.test(url)) {
    try {
      return new URL(url).protocol === 'https:' ? url : null;
    } catch {
      return null;
    }
  }
  return null;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function once(html: string): string {
  const input = html.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATE, '\ufffd').normalize('NFC');
  const out = sanitizeHtml(input, OPTIONS);
  // NFC of the whole output, except that U+0338 would compose with a tag's '<' or '>' (≮ ≯):
  // written as a character reference, it stays apart.
  return out.replace(/([<>=])\u0338/g, '$1&#x338;').normalize('NFC');
}

/**
 * The stored form of an article body: the allowlisted HTML, NFC. Idempotent: sanitising the
 * result again returns it unchanged (passes repeat until the HTML parser's implied tag closings,
 * exposed when disallowed wrappers are dropped, have nothing left to change).
 */
export function sanitizeRichText(html: string): string {
  let current = once(html);
  for (let pass = 0; pass < 8; pass++) {
    const next = once(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

const BLOCK_TAGS = new Set(['p', 'br', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'hr', 'pre']);
const CELL_TAGS = new Set(['td', 'th']);

/**
 * Plain text of rich text, for search indexing and summaries: block elements become line
 * breaks, table cells spaces, images nothing; entities decoded; whitespace collapsed (runs with
 * a line break become one `\n`, others one space); NFC.
 */
export function richTextToPlain(html: string): string {
  // The sanitised form is regular: tags never contain '<' or '>' inside attribute values, and
  // text holds no entities but the four escapeHtml writes (and &#x338;).
  const clean = sanitizeRichText(html);
  // Tags become a marker (U+0000 never survives sanitising) for a line break, a space or nothing.
  const text = clean
    .replace(/<\/?([a-z0-9]+)(?:\s[^>]*)?\/?>/g, (_tag, name: string) => (BLOCK_TAGS.has(name) ? '\u0000' : CELL_TAGS.has(name) ? ' ' : ''))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x338;/g, '\u0338')
    .replace(/&amp;/g, '&');
  // Source line breaks are whitespace like any other; only block boundaries make lines.
  return text
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/ ?(\u0000 ?)+/g, '\n')
    .trim()
    .normalize('NFC');
}

/** Words of the plain text (Vietnamese counts syllables, as editors do): runs holding a letter or digit. */
export function richTextWordCount(html: string): number {
  const plain = richTextToPlain(html);
  if (plain === '') return 0;
  return plain.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
