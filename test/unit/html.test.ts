import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, SafeHtml } from '../../src/portal/html.ts';

/** Reverses escapeHtml; `&amp;` last, so `&amp;lt;` comes back as `&lt;`. */
function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Strings rich in markup characters, plus arbitrary Unicode. */
const nasty = fc.oneof(
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ' ', '/', '=', ';', '#', 'Đ', 'ễ', 'amp', 'lt;', '&amp;', '<script>') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

describe('html templates', () => {
  it('escapes any interpolated string, reversibly', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const out = html`${s}`.value;
        expect(out).not.toMatch(/[<>"']/);
        // Every & starts one of the entities escapeHtml writes.
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(unescape(out)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps an attribute value inside its quotes and text inside its element', () => {
    fc.assert(
      fc.property(nasty, nasty, (title, text) => {
        const out = html`<a href="/x" title="${title}">${text}</a>`.value;
        const m = /^<a href="\/x" title="([^"]*)">([^<>]*)<\/a>$/.exec(out);
        expect(m).not.toBeNull();
        expect(unescape(m![1]!)).toBe(title);
        expect(unescape(m![2]!)).toBe(text);
      }),
    );
  });

  it('escapes a script-injection attempt', () => {
    expect(html`<p>${'<script>alert("x")</script>'}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    expect(html`<img alt='${"' onerror='alert(1)"}'>`.value).toBe("<img alt='&#39; onerror=&#39;alert(1)'>");
  });

  it('does not escape nested html templates again', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const inner = html`<b class="x">${s}</b>`;
        expect(inner).toBeInstanceOf(SafeHtml);
        const outer = html`<p>${inner}</p>`.value;
        expect(outer).toBe(`<p><b class="x">${escapeHtml(s)}</b></p>`);
        // Escaped exactly once: unescaping the inner text gives the string back.
        expect(unescape(outer.slice('<p><b class="x">'.length, -'</b></p>'.length))).toBe(s);
      }),
    );
  });

  it('concatenates arrays (nested too) without separators, escaping each item', () => {
    fc.assert(
      fc.property(fc.array(nasty, { maxLength: 8 }), (items) => {
        const list = html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.value;
        expect(list).toBe(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
        const plain = html`${items}`.value;
        expect(plain).toBe(items.map(escapeHtml).join(''));
        const nested = html`${[items, [items]]}`.value;
        expect(nested).toBe(plain + plain);
      }),
    );
  });

  it('renders null, undefined and booleans as nothing, numbers as text', () => {
    expect(html`[${null}|${undefined}|${false}|${true}|${0}|${-1.5}|${''}]`.value).toBe('[||||0|-1.5|]');
    const show = false;
    expect(html`<p>${show ? html`<b>x</b>` : ''}</p>`.value).toBe('<p></p>');
  });

  it('passes raw() markup through and stringifies to its value', () => {
    expect(html`<div>${raw('<em>tin cậy</em>')}</div>`.value).toBe('<div><em>tin cậy</em></div>');
    const h = html`<i>${'a&b'}</i>`;
    expect(String(h)).toBe('<i>a&amp;b</i>');
    expect(`${h}`).toBe(h.value);
  });

  it('leaves the template literal parts untouched', () => {
    fc.assert(fc.property(nasty, (s) => html`<${raw(s)}>`.value === `<${s}>`));
  });
});
