/**
 * Hostile text for the browser tests: each payload, if it ever ran, sets `window.__xss` (or opens
 * a dialog). Put through every free-text field, then the pages that show it are opened.
 */
export const XSS_PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "'><svg onload=window.__xss=1>",
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">bấm</a>',
  '</title><script>window.__xss=1</script>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '{{constructor.constructor("window.__xss=1")()}}',
  '</script><script>window.__xss=1</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
];

/** One field's worth of hostile text: a visible mark (to find it on the page) and payloads, within `max` characters. */
export function hostileText(mark: string, max = 2000, payloads: readonly string[] = XSS_PAYLOADS): string {
  return `${mark} ${payloads.join(' ')}`.slice(0, max);
}
