import { foldVi } from './vi-text.ts';

/** A readable URL segment without diacritics. Example: `slugify('Đăng ký kinh doanh') === 'dang-ky-kinh-doanh'`. */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldVi(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut).replace(/-+$/g, '');
}

/** `base`, or `base-2`, `base-3`, … — the first that `taken` does not hold. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'bai-viet';
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
}
