import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { BadRequestError } from './errors.ts';

const NUL = '\u0000';

/** Whether a string anywhere in a parsed value (object, array, string) contains U+0000. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes(NUL) || containsNul(v, depth + 1));
}

/** Throws the guard's 400 when `value` carries a NUL; for input read outside the hook (multipart fields). */
export function assertNoNul(...values: unknown[]): void {
  if (values.some((v) => containsNul(v))) {
    throw new BadRequestError('Dữ liệu gửi lên chứa ký tự điều khiển NUL (U+0000) không được phép; hãy xoá ký tự đó rồi gửi lại.');
  }
}

/**
 * Refuses, before validation, any request whose path parameters, query or parsed body carry a
 * NUL character: PostgreSQL cannot store one in text ("invalid byte sequence"), so without this
 * guard the same input was a 500 on PostgreSQL and stored on SQLite. No legitimate Vietnamese
 * text contains it, so both engines refuse it alike, with a 400.
 */
export const inputGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    assertNoNul(request.params, request.query, request.body);
  });
}, { name: 'input-guard' });
