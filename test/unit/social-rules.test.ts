import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelHealth } from '../../src/db/types.ts';
import { canSend, EXPIRING_DAYS, nextHealth, type HealthEvent } from '../../src/modules/social/health.ts';
import { charCount, limitProblems } from '../../src/modules/social/limits.ts';

const HEALTHS: ChannelHealth[] = ['unconfigured', 'valid', 'expiring', 'expired', 'revoked'];
const now = new Date('2026-06-01T00:00:00Z');
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString();

describe('token health state machine', () => {
  it('a verified token is valid, expiring near its end, expired after it', () => {
    expect(nextHealth('expired', { type: 'verified', expiresAt: null, now })).toBe('valid');
    expect(nextHealth('revoked', { type: 'verified', expiresAt: inDays(60), now })).toBe('valid');
    expect(nextHealth('valid', { type: 'verified', expiresAt: inDays(EXPIRING_DAYS - 1), now })).toBe('expiring');
  });

  it('the clock moves valid → expiring → expired and never revives a token', () => {
    expect(nextHealth('valid', { type: 'clock', expiresAt: inDays(3), now })).toBe('expiring');
    expect(nextHealth('expiring', { type: 'clock', expiresAt: inDays(-1), now })).toBe('expired');
    fc.assert(fc.property(fc.constantFrom<ChannelHealth>('expired', 'revoked', 'unconfigured'), fc.integer({ min: -400, max: 400 }), (h, d) => {
      expect(nextHealth(h, { type: 'clock', expiresAt: inDays(d), now })).toBe(h);
    }));
  });

  it('only a verification makes a channel usable again; refusals never do', () => {
    const refusal = fc.constantFrom<HealthEvent>({ type: 'token_expired' }, { type: 'token_revoked' }, { type: 'disconnected' }, { type: 'clock', expiresAt: inDays(-1), now });
    fc.assert(fc.property(fc.constantFrom(...HEALTHS), fc.array(refusal, { minLength: 1, maxLength: 6 }), (start, events) => {
      let h = start;
      for (const e of events) {
        const next = nextHealth(h, e);
        if (!canSend(h)) expect(canSend(next)).toBe(false);
        h = next;
      }
      if (events.some((e) => e.type !== 'clock')) expect(canSend(h)).toBe(false);
    }));
    expect(nextHealth('revoked', { type: 'token_expired' })).toBe('revoked');
    expect(nextHealth('valid', { type: 'token_revoked' })).toBe('revoked');
  });
});

describe('network limits', () => {
  it('counts letters with their marks as one character (NFC)', () => {
    expect(charCount('Tiếng Việt')).toBe(10);
    expect(charCount('Tie\u0302\u0301ng')).toBe(5);
    expect(charCount('👍🏻')).toBe(2);
  });

  it('accepts Zalo titles up to 150 and descriptions up to 300 characters, refuses longer ones', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 400 }), (t, m) => {
      const problems = limitProblems({ network: 'zalo', title: 'ệ'.repeat(t), message: 'ố'.repeat(m), hasImage: true });
      expect(problems.some((p) => p.includes('tiêu đề'))).toBe(t > 150);
      expect(problems.some((p) => p.includes('nội dung'))).toBe(m > 300);
    }));
  });

  it('needs a cover for Zalo, not for Facebook; refuses empty text and Facebook text over 63 206 characters', () => {
    expect(limitProblems({ network: 'zalo', title: 'T', message: 'M', hasImage: false })).toEqual(['Zalo OA: bài viết cần ảnh bìa (bài viết gốc chưa có ảnh đại diện).']);
    expect(limitProblems({ network: 'facebook', message: 'M', hasImage: false })).toEqual([]);
    expect(limitProblems({ network: 'facebook', message: '   ', hasImage: false })).toEqual(['Facebook: nội dung không được để trống.']);
    expect(limitProblems({ network: 'facebook', message: 'a'.repeat(63_207), hasImage: false })[0]).toMatch(/63207 ký tự, vượt giới hạn 63206/);
  });
});
