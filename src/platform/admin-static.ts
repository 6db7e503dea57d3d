import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { adminCsp } from './security.ts';

/**
 * Serves the built admin app under /admin/: hashed assets cached for a year, index.html for
 * every other path below /admin/ (client-side routes), never cached.
 */
export async function adminStatic(app: FastifyInstance, opts: { distDir: string }) {
  const csp = adminCsp();
  // The app's own files are public (the sign-in page needs them); the API behind them is not.
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), access: { public: true } };
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', csp);
  });
  const indexFile = join(opts.distDir, 'index.html');
  const built = existsSync(indexFile);

  app.get('/admin', { schema: { hide: true } }, (_req, reply) => reply.redirect('/admin/', 301));
  if (built) {
    await app.register(fastifyStatic, {
      root: opts.distDir,
      prefix: '/admin/',
      wildcard: false,
      index: false,
      setHeaders(res, path) {
        res.header('cache-control', path.includes(`${join('dist', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const index = built ? readFileSync(indexFile) : undefined;
  app.get('/admin/*', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (index) return reply.send(index);
    return reply.code(503).send('<!doctype html><html lang="vi"><meta charset="utf-8"><title>Chưa build</title><p>Giao diện quản trị chưa được build. Chạy <code>npm run build</code>.</p></html>');
  });
}
