import type { FastifyInstance } from 'fastify';

/** Strict CSP for everything: own scripts and styles only, no framing, no plugins. */
export const STRICT_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

const cspString = (d: Record<string, string[] | null>) =>
  Object.entries(d)
    .filter((e): e is [string, string[]] => Array.isArray(e[1]))
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}${v.length > 0 ? ` ${v.join(' ')}` : ''}`)
    .join('; ');

/**
 * The hardening headers of every response (as helmet would send them), computed once at start:
 * building them per request cost a sixth of a cached portal page's time. Routes that need
 * another CSP (admin, API docs) set their own, which replaces this one.
 */
export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': cspString({ ...STRICT_CSP, ...(opts.https ? { upgradeInsecureRequests: [] } : {}) }),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(opts.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    // Same rule as frame-ancestors 'none', for browsers that only read the older header.
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
}

export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  const headers = securityHeaders(opts);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/** The admin app's CSP: Ant Design injects <style> elements at run time, so inline styles (not scripts) are allowed there. */
export function adminCsp(): string {
  return cspString({ ...STRICT_CSP, styleSrc: ["'self'", "'unsafe-inline'"] });
}
