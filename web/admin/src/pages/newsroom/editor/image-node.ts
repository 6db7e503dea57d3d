import { mergeAttributes, Node } from '@tiptap/react';

/** Where a body image may come from: this site (the media library) or an http(s) address. */
export function isSafeImageSource(src: string | null | undefined): boolean {
  if (!src) return false;
  if (src.startsWith('/') && !src.startsWith('//')) return true;
  return /^https?:\/\//i.test(src);
}

/**
 * A picture in the body: only `src` (from the media library) and `alt` survive parsing, so an
 * `onerror=` or a `javascript:` address pasted into the editor never becomes part of the article.
 */
export const ImageNode = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: '' },
    };
  },
  parseHTML() {
    return [{ tag: 'img[src]', getAttrs: (element) => (isSafeImageSource(element.getAttribute('src')) ? null : false) }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['img', mergeAttributes(HTMLAttributes)];
  },
});
