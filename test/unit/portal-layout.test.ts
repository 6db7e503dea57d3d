import { describe, expect, it } from 'vitest';
import { layout, NAV_ITEMS } from '../../src/portal/components/layout.ts';
import { html } from '../../src/portal/html.ts';

const agency = { name: 'Ban Dân tộc', shortName: 'BDT', parentName: 'UBND tỉnh', address: null, phone: null, email: null, website: null, formerNames: [], isDemo: false };
const nav = (path: string) => /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(layout({ title: 't', agency, path, main: html`<p>x</p>` }).value)![0];
const currentItems = (path: string) => [...nav(path).matchAll(/<a href="([^"]+)" aria-current="(page|true)">/g)].map((m) => `${m[1]} ${m[2]}`);

describe('portal navigation', () => {
  it('lists every public section once, the indices and survey pages included', () => {
    const hrefs = NAV_ITEMS.map((n) => n.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(hrefs).toContain('/chi-so');
    expect([...nav('/').matchAll(/<li><a href="/g)]).toHaveLength(NAV_ITEMS.length);
  });

  it.each([
    ['/', ['/ page']],
    ['/chi-so', ['/chi-so page']],
    ['/khao-sat', ['/chi-so true']],
    ['/khao-sat/ket-qua', ['/chi-so true']],
    ['/tin-bai/mot-bai', ['/cai-cach-hanh-chinh true']],
    ['/khao-sat-khac', []],
  ])('marks the current section on %s', (path, expected) => {
    expect(currentItems(path)).toEqual(expected);
  });
});
