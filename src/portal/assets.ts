import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The portal stylesheet, fingerprinted so browsers can cache it forever. */
const css = readFileSync(new URL('./portal.css', import.meta.url));
const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);

export const portalCss = {
  path: `/assets/portal-${hash}.css`,
  body: css,
  gzip: gzipSync(css, { level: 9 }),
};
