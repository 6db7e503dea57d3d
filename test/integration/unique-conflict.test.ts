import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/db/conflict.ts';
import { installErrorHandling } from '../../src/platform/http-errors.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases.ts';

/**
 * Two requests that create the same thing at once can both pass a service's duplicate check; the
 * database keeps one and refuses the other. That refusal is a 409 with a Vietnamese message, not a
 * 500 — on both engines, whose drivers report it differently. Other database errors stay 500.
 */
describe.each(ENGINES)('a unique-key violation on %s', (engine) => {
  let d: TestDatabase;
  let app: FastifyInstance;
  const insert = (key: string, hits: number | null) =>
    d.database.db.insertInto('rate_limit_hits').values({ key, hits: hits as number, window_start: 0 }).execute();

  beforeAll(async () => {
    d = await createTestDatabase(engine);
    app = Fastify({ logger: false });
    installErrorHandling(app, (_req, status, message) => `<p>${status} ${message}</p>`);
    app.post<{ Body: { key: string; hits: number | null } }>('/api/hits', async (req) => {
      await insert(req.body.key, req.body.hits);
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await d.drop();
  });

  it('is recognised from the driver error, and only that', async () => {
    await insert('k1', 1);
    const duplicate = await insert('k1', 1).catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
    const notNull = await insert('k2', null).catch((e: unknown) => e);
    expect(notNull).toBeInstanceOf(Error);
    expect(isUniqueViolation(notNull)).toBe(false);
  });

  it('answers 409 problem+json in Vietnamese; another database error stays a 500 without details', async () => {
    const post = (body: object) => app.inject({ method: 'POST', url: '/api/hits', payload: body });
    expect((await post({ key: 'k3', hits: 1 })).statusCode).toBe(200);
    const again = await post({ key: 'k3', hits: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().detail).toContain('trùng khóa');
    const broken = await post({ key: 'k4', hits: null });
    expect(broken.statusCode).toBe(500);
    expect(broken.body).not.toContain('rate_limit_hits');
  });
});
