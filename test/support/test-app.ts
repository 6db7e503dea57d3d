import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type RegisteredRoute, type Services } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Engine } from '../../src/db/database.ts';
import { seedDatabase } from '../../src/modules/org/seed.ts';
import { DEMO_PASSWORD } from '../../src/modules/org/seed-data.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export { DEMO_PASSWORD };

export const DEMO = {
  admin: 'quantri@demo.minhbach.example',
  coordinator: 'dieuphoi@demo.minhbach.example',
  editor: 'bientap@demo.minhbach.example',
  leader: 'lanhdao@demo.minhbach.example',
  unitHead: 'truongphong@demo.minhbach.example',
  staff: 'canbo@demo.minhbach.example',
  overseer: 'sonoivu@demo.minhbach.example',
} as const;

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  agencyId: string;
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  routes: RegisteredRoute[];
  config: Config;
  db: TestDatabase;
  login(email: string, password?: string): Promise<Session>;
  /** A request as a signed-in user, with the CSRF header on writes. */
  as(session: Session | undefined, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** An app on a fresh seeded database of the engine, with demo users. */
export async function createTestApp(engine: Engine, env: Record<string, string> = {}, opts: { loginRateLimit?: number } = {}): Promise<TestApp> {
  const db = await createTestDatabase(engine);
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', ...env }), database: db.target, sessionSecret: 'test-secret-'.padEnd(48, 'x') };
  const { app, services, routes } = await buildApp({ config, database: db.database, logger: false, loginRateLimit: opts.loginRateLimit ?? 10_000 });
  await seedDatabase(db.database, services.audit, { demo: true });
  await app.ready();

  async function login(email: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'mb_session')!;
    const body = res.json() as { user: { id: string; csrfToken: string; agency: { id: string } } };
    return { cookie: `mb_session=${cookie.value}`, csrf: body.user.csrfToken, userId: body.user.id, agencyId: body.user.agency.id };
  }

  function as(session: Session | undefined, method: string, url: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (session) {
      headers.cookie = session.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
    }
    return app.inject({ method: method as 'GET', url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
  }

  return {
    app, services, routes, config, db, login, as,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
