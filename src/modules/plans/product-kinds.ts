import { foldVi } from '../../platform/vi-text.ts';

/** Kinds of expected product a task names, used to match evidence later. */
export const PRODUCT_KINDS = ['plan', 'report', 'document', 'article', 'social_post', 'conference', 'training', 'contest', 'procedure', 'other'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

const PATTERNS: [ProductKind, RegExp][] = [
  ['plan', /\bke hoach\b/],
  ['report', /\bbao cao\b/],
  ['document', /\bvan ban\b|\bcong van\b|\bquyet dinh\b|\btai lieu\b/],
  ['article', /\btin\b|\bbai viet\b|\btin bai\b|\bphong su\b/],
  ['social_post', /mang xa hoi|facebook|zalo|bai dang/],
  ['conference', /\bhoi nghi\b|\bhoi thao\b|\btoa dam\b/],
  ['training', /\btap huan\b|\bboi duong\b|\bdao tao\b/],
  ['contest', /\bhoi thi\b|\bcuoc thi\b/],
  ['procedure', /\btthc\b|thu tuc hanh chinh/],
];

/** Reads the kinds of product from the text as written. Example: "Văn bản/tin bài viết" → document, article. */
export function parseProductKinds(product: string): ProductKind[] {
  const folded = foldVi(product).replace(/[/,;]+/g, ' ');
  const kinds = PATTERNS.filter(([, re]) => re.test(folded)).map(([k]) => k);
  return kinds.length > 0 || folded.trim() === '' ? kinds : ['other'];
}
