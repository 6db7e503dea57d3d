import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../access.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';
import { IDLE_TIMEOUT_MS, SESSION_COOKIE, type SessionInfo, type SessionStore } from './sessions.ts';

/** What a route declares about who may call it; read by the auth hooks and the route-access test. */
export interface RouteAccess {
  /** Anyone may call it, signed in or not. */
  public?: boolean;
  /** The permission the service checks (documentation for OpenAPI and the access test). */
  permission?: string;
  /** false only for writes that cannot carry a CSRF token yet (login). */
  csrf?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    session: SessionInfo | undefined;
  }
}

export interface AuthPluginOptions {
  sessions: SessionStore;
  /** Loads the active user behind a session; undefined ends the session. */
  loadActor(userId: string, agencyId: string): Promise<Actor | undefined>;
  secureCookies: boolean;
  publicUrl: string;
  /** Whether the actor holds a permission of any module's policy (role level, no records). */
  permits(actor: Actor, permission: string): boolean;
  /** Every permission that exists; a route naming another one is a start-up error. */
  knownPermissions: ReadonlySet<string>;
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie to `request.actor`, then, before validation: 401 for a
 * non-public route without actor; 403 when the actor's roles lack the route's permission;
 * 403 for a cookie-authenticated write without the session's CSRF token or from a foreign
 * origin. Services still check permission and record ownership themselves.
 */
export const authPlugin = fp<AuthPluginOptions>(
  async (app: FastifyInstance, opts) => {
    app.decorateRequest('actor', undefined);
    app.decorateRequest('session', undefined);
    const allowedOrigin = new URL(opts.publicUrl).origin;

    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const session = await opts.sessions.resolve(token);
      if (!session) return;
      const actor = await opts.loadActor(session.userId, session.agencyId);
      if (!actor) return;
      request.session = session;
      request.actor = { ...actor, ip: request.ip };
    });

    app.addHook('onRoute', (route) => {
      const permission = (route.config as { access?: RouteAccess } | undefined)?.access?.permission;
      if (permission && !opts.knownPermissions.has(permission)) throw new Error(`route ${route.method} ${route.url} names unknown permission ${permission}`);
    });

    app.addHook('preValidation', async (request) => {
      if (request.is404) return;
      const access = request.routeOptions.config.access ?? {};
      if (!access.public && !request.actor) throw new UnauthorizedError();
      if (access.permission && request.actor && !opts.permits(request.actor, access.permission)) throw new ForbiddenError();
      if (SAFE_METHODS.has(request.method) || access.csrf === false) return;
      const origin = request.headers.origin;
      if (origin && origin !== allowedOrigin && origin !== `${request.protocol}://${request.host}`) {
        throw new ForbiddenError('Yêu cầu đến từ nguồn không được phép.');
      }
      if (request.session && !tokensEqual(request.headers[CSRF_HEADER], request.session.csrfToken)) {
        throw new ForbiddenError('Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang.');
      }
    });
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);

function tokensEqual(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(IDLE_TIMEOUT_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** The actor of a request that passed the auth hook (non-public routes). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedError();
  return request.actor;
}
