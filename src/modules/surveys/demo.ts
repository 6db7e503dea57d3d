import type { ProceduresPublicRead } from '../procedures/public-read.ts';
import type { SurveysService } from './service.ts';
import type { DemoResponse } from './submit.ts';

/** Comments of demo answers, marked as samples in their own text too. */
const DEMO_COMMENTS = [
  'Cán bộ hướng dẫn tận tình, dễ hiểu. (ý kiến mẫu)',
  'Đề nghị bố trí thêm ghế ngồi chờ. (ý kiến mẫu)',
  'Mong được nhắn tin báo khi có kết quả. (ý kiến mẫu)',
];

/** A small deterministic generator (LCG): the same answers on every fresh start. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/** A demo answer: mostly satisfied (4–5), sometimes neutral, rarely dissatisfied. */
const demoValue = (r: number) => (r < 0.05 ? 2 : r < 0.2 ? 3 : r < 0.6 ? 4 : 5);

/**
 * A year of demo survey answers (flagged demo) spread over the months and the agency's
 * procedures in force; nothing when the agency already has answers. Returns the count written.
 */
export async function seedDemoSurveys(deps: { surveys: SurveysService; procedures: { portal: Pick<ProceduresPublicRead, 'catalog'> } }, agencyId: string, year: number, count = 48): Promise<number> {
  if (await deps.surveys.hasResponses(agencyId)) return 0;
  const codes = (await deps.procedures.portal.catalog(agencyId, { page: 1, pageSize: 20 })).items.map((p) => p.code);
  const random = generator(year * 97);
  const responses: DemoResponse[] = Array.from({ length: count }, (_, i) => ({
    answeredOn: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    procedureCode: codes.length && random() < 0.85 ? codes[Math.floor(random() * codes.length)]! : null,
    values: Array.from({ length: 20 }, () => demoValue(random())),
    comment: i % 9 === 0 ? DEMO_COMMENTS[(i / 9) % DEMO_COMMENTS.length]! : null,
  }));
  await deps.surveys.writeDemo(agencyId, responses, { system: 'demo', agencyId });
  return responses.length;
}
