import helmet from '@fastify/helmet';
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

export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...STRICT_CSP, ...(opts.https ? { upgradeInsecureRequests: [] } : {}) } },
    hsts: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Same rule as frame-ancestors 'none', for browsers that only read the older header.
    frameguard: { action: 'deny' },
  });
}

/** The admin app's CSP: Ant Design injects <style> elements at run time, so inline styles (not scripts) are allowed there. */
export function adminCsp(): string {
  const d: Record<string, string[] | null> = { ...STRICT_CSP, styleSrc: ["'self'", "'unsafe-inline'"] };
  return Object.entries(d)
    .filter((e): e is [string, string[]] => Array.isArray(e[1]))
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v.join(' ')}`)
    .join('; ');
}
