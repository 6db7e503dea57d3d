import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHALLENGE_TTL_MS, challengeSecret, createChallenge, verifyChallenge } from '../../src/modules/feedback/challenge.ts';
import { checkForm, normalizePhone, phoneTail } from '../../src/modules/feedback/form.ts';

const SECRET = challengeSecret('test-secret-'.padEnd(48, 'x'));
const NOW = Date.parse('2026-06-01T08:00:00Z');
const answerOf = (question: string) => {
  const [, a, b] = /^(\d) \+ (\d) bằng bao nhiêu\?$/.exec(question)!;
  return String(Number(a) + Number(b));
};

describe('feedback challenge tokens', () => {
  it('accept the right answer until they expire, and nothing else', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 2, max: 18 }), (i, j, guess) => {
      let n = 0;
      const c = createChallenge(SECRET, NOW, () => [i, j][n++]!);
      const right = answerOf(c.question);
      // The token never carries the answer: only expiry, nonce and MAC.
      expect(c.token.split('.').slice(0, 2)).not.toContain(right);
      expect(verifyChallenge(SECRET, c.token, right, NOW)).toBe('ok');
      expect(verifyChallenge(SECRET, c.token, ` 0${right} `, NOW + 1000)).toBe('ok');
      if (String(guess) !== right) expect(verifyChallenge(SECRET, c.token, String(guess), NOW)).toBe('wrong');
      expect(verifyChallenge(SECRET, c.token, right, NOW + CHALLENGE_TTL_MS + 1)).toBe('expired');
    }));
  });

  it('refuse tokens signed with another key, altered, or malformed', () => {
    const c = createChallenge(SECRET, NOW);
    const right = answerOf(c.question);
    expect(verifyChallenge(challengeSecret('another-secret-'.padEnd(48, 'y')), c.token, right, NOW)).toBe('wrong');
    const [expires, nonce, mac] = c.token.split('.');
    // Pushing the expiry forward breaks the signature.
    expect(verifyChallenge(SECRET, `${Number(expires) + 1}.${nonce}.${mac}`, right, NOW)).toBe('wrong');
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 5 }), (token, answer) => {
      expect(['wrong', 'expired', 'invalid']).toContain(verifyChallenge(SECRET, token, answer, NOW));
    }));
  });
});

describe('feedback form checks', () => {
  it('normalise Vietnamese phone numbers and take the last four digits', () => {
    expect(normalizePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalizePhone('0204 3854 123')).toBe('02043854123');
    expect(normalizePhone('12345')).toBeUndefined();
    expect(phoneTail('0912345678')).toBe('5678');
    fc.assert(fc.property(fc.string({ maxLength: 25 }), (s) => {
      const p = normalizePhone(s);
      if (p !== undefined) expect(p).toMatch(/^0\d{9,10}$/);
    }));
  });

  it('say in Vietnamese what is missing, and keep line breaks of the content', () => {
    const { errors } = checkForm({});
    expect(errors).toMatchObject({ name: 'Hãy nhập họ và tên.', address: 'Hãy nhập địa chỉ liên hệ.', subject: 'Hãy nhập tiêu đề.', content: 'Hãy nhập nội dung phản ánh, kiến nghị.', answer: 'Hãy trả lời câu hỏi kiểm tra.' });
    const ok = checkForm({ name: ' Lê  Văn Cường ', address: 'Sơn Động', phone: '0912345678', subject: 'Hỏi', content: 'Dòng một   dài.\r\n\r\n\r\nDòng hai.', answer: '7', consent: 'co' });
    expect(ok.clean).toMatchObject({ name: 'Lê Văn Cường', content: 'Dòng một dài.\n\nDòng hai.', consent: true, email: null, procedureCode: null });
  });
});
