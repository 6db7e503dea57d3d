import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurveyElement } from '../../src/db/types.ts';
import { ELEMENTS } from '../../src/modules/surveys/elements.ts';
import { satisfaction } from '../../src/modules/surveys/satisfaction.ts';
import { issueToken, TOKEN_TTL_MS, verifyToken } from '../../src/modules/surveys/token.ts';

const element = fc.constantFrom(...ELEMENTS.map((e) => e.key));
const answer = fc.record({ element, value: fc.integer({ min: 1, max: 5 }) });

describe('satisfaction index (SIPAS method)', () => {
  it('is the share of answers 4 or 5 per element, and the mean of the elements that have answers', () => {
    const s = satisfaction([
      { element: 'access', value: 5 }, { element: 'access', value: 4 }, { element: 'access', value: 3 }, { element: 'access', value: 1 },
      { element: 'officials', value: 2 },
    ]);
    expect(s.elements.find((e) => e.element === 'access')).toMatchObject({ answers: 4, satisfied: 2, index: 50, mean: 3.25 });
    expect(s.elements.find((e) => e.element === 'officials')).toMatchObject({ index: 0 });
    expect(s.elements.find((e) => e.element === 'result')).toMatchObject({ answers: 0, index: null, mean: null });
    expect(s.index).toBe(25);
    expect(satisfaction([]).index).toBeNull();
  });

  it('stays within 0–100 and is 100 only when every answer is satisfied', () => {
    fc.assert(fc.property(fc.array(answer, { maxLength: 80 }), (answers) => {
      const s = satisfaction(answers);
      if (answers.length === 0) return s.index === null;
      const inRange = s.index! >= 0 && s.index! <= 100 && s.elements.every((e) => e.index === null || (e.index >= 0 && e.index <= 100));
      const all = answers.every((a) => a.value >= 4);
      return inRange && (s.index === 100) === all && s.elements.reduce((n, e) => n + e.answers, 0) === answers.length;
    }), { numRuns: 500 });
  });

  it('does not depend on the order of the answers, and raising an answer never lowers the index', () => {
    fc.assert(fc.property(fc.array(answer, { minLength: 1, maxLength: 40 }), fc.nat(), (answers, pick) => {
      const i = pick % answers.length;
      const raised = answers.map((a, j) => (j === i ? { ...a, value: Math.min(5, a.value + 1) } : a));
      return satisfaction([...answers].reverse()).index === satisfaction(answers).index && satisfaction(raised).index! >= satisfaction(answers).index! - 1e-9;
    }), { numRuns: 300 });
  });
});

describe('survey submission token', () => {
  const secret = 'x'.repeat(48);
  it('verifies its own tokens once issued, for a day, for the agency it was issued for', () => {
    const now = Date.UTC(2024, 5, 1);
    const token = issueToken(secret, 'agency-a', now);
    const ok = verifyToken(secret, 'agency-a', token, now + 1000);
    expect(typeof ok === 'object' && ok.nonce.length).toBe(16);
    expect(verifyToken(secret, 'agency-b', token, now)).toBe('invalid');
    expect(verifyToken('y'.repeat(48), 'agency-a', token, now)).toBe('invalid');
    expect(verifyToken(secret, 'agency-a', token, now + TOKEN_TTL_MS + 1)).toBe('expired');
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => verifyToken(secret, 'agency-a', s, now) === 'invalid'));
  });
});

// Keep the element list and the database type in step.
const _elements: SurveyElement[] = ELEMENTS.map((e) => e.key);
void _elements;
