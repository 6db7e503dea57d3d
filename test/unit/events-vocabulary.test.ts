import { describe, expect, it } from 'vitest';
import { resultClauses } from '../../src/documents/decree30/report-text.ts';
import { isMeasure, MEASURES } from '../../src/modules/evidence/measures.ts';
import { eventQuantities, EVENT_KIND_CODES, EVENT_KINDS } from '../../src/modules/outreach-events/vocabulary.ts';

describe('event kinds as evidence', () => {
  it('each kind counts one of a known measure, plus its participants', () => {
    for (const kind of EVENT_KIND_CODES) {
      expect(isMeasure(EVENT_KINDS[kind].measure), kind).toBe(true);
      expect(eventQuantities(kind, 120)).toEqual({ [EVENT_KINDS[kind].measure]: 1, participants: 120 });
    }
    // A loudspeaker broadcast has no participants to count.
    expect(eventQuantities('broadcast', 0)).toEqual({ broadcasts: 1 });
  });

  it('the report names direct outreach sessions with the other events, in one clause', () => {
    expect(resultClauses({ conferences: 2, outreach_sessions: 1, participants: 350 }, MEASURES)).toEqual(['tổ chức 2 hội nghị, 1 buổi tuyên truyền trực tiếp khác với 350 lượt người tham dự']);
  });
});
