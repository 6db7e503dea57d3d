/** Results per procedure, field and month of a period, the index computed by satisfaction.ts; XLSX export. */
import type { Executor } from '../../db/database.ts';
import type { SurveyElement, SurveyResponseTable } from '../../db/types.ts';
import { writeTableXlsx } from '../../documents/xlsx/table-xlsx.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { formatPercentVi } from '../../platform/vi-number.ts';
import { compareVi, formatDateVi, todayVi } from '../../platform/vi-text.ts';
import type { SurveysDeps } from './deps.ts';
import { ELEMENTS } from './elements.ts';
import { surveysPolicy } from './policy.ts';
import * as repo from './repo.ts';
import { satisfaction } from './satisfaction.ts';
import type { GroupResultView, ResultsQueryValue, ResultsView } from './schema.ts';

/** Responses without a procedure (the form's "không chọn thủ tục"). */
export const NO_PROCEDURE = 'Không chọn thủ tục';
export const NO_FIELD = 'Không rõ lĩnh vực';

type Answer = { response_id: string; element: SurveyElement; value: number };

function group(key: string, label: string, responses: SurveyResponseTable[], answers: Map<string, Answer[]>): GroupResultView {
  const s = satisfaction(responses.flatMap((r) => answers.get(r.id) ?? []));
  return { key, label, responses: responses.length, index: s.index, elements: s.elements };
}

function groupBy(responses: SurveyResponseTable[], keyOf: (r: SurveyResponseTable) => [string, string], answers: Map<string, Answer[]>): GroupResultView[] {
  const groups = new Map<string, { label: string; rows: SurveyResponseTable[] }>();
  for (const r of responses) {
    const [key, label] = keyOf(r);
    const g = groups.get(key) ?? { label, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => group(key, g.label, g.rows, answers));
}

/** The period's results (filtered by procedure code or field name when asked). */
export async function buildResults(db: Executor, agencyId: string, q: { from: string; to: string; procedureCode?: string; field?: string }): Promise<ResultsView> {
  const [all, answerRows] = await Promise.all([repo.listResponses(db, { agencyId, from: q.from, to: q.to }), repo.listAnswers(db, { agencyId, from: q.from, to: q.to })]);
  const responses = all.filter((r) => (!q.procedureCode || r.procedure_code === q.procedureCode) && (!q.field || (r.field_name ?? NO_FIELD) === q.field));
  const answers = new Map<string, Answer[]>();
  for (const a of answerRows) answers.set(a.response_id, [...(answers.get(a.response_id) ?? []), a]);
  const total = group('all', 'Toàn cơ quan', responses, answers);
  const byLabel = (x: GroupResultView, y: GroupResultView) => compareVi(x.label, y.label);
  return {
    from: q.from, to: q.to, responses: responses.length, demoResponses: responses.filter((r) => r.is_demo === 1).length, index: total.index, elements: total.elements,
    byField: groupBy(responses, (r) => [r.field_name ?? NO_FIELD, r.field_name ?? NO_FIELD], answers).sort(byLabel),
    byProcedure: groupBy(responses, (r) => [r.procedure_code ?? '', r.procedure_code ? `${r.procedure_code} – ${r.procedure_name ?? ''}` : NO_PROCEDURE], answers).sort(byLabel),
    byMonth: groupBy(responses, (r) => [r.answered_on.slice(0, 7), `Tháng ${r.answered_on.slice(5, 7)}/${r.answered_on.slice(0, 4)}`], answers).sort((x, y) => x.key.localeCompare(y.key)),
    comments: responses.filter((r) => r.comment).map((r) => ({ answeredOn: r.answered_on, procedure: r.procedure_name, text: r.comment!, isDemo: r.is_demo === 1 })).reverse(),
  };
}

/** Default: this year so far; at most ten years at once. */
export function periodOf(q: { from?: string; to?: string }): { from: string; to: string } {
  const today = todayVi();
  const from = q.from ?? `${(q.to ?? today).slice(0, 4)}-01-01`;
  const to = q.to ?? `${from.slice(0, 4)}-12-31`;
  if (from > to) throw new BadRequestError('Ngày bắt đầu phải trước ngày kết thúc.');
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10) throw new BadRequestError('Chỉ xem được tối đa 10 năm một lần.');
  return { from, to };
}

const pct = (v: number | null) => (v === null ? '' : formatPercentVi(v));

export function createResults({ database }: SurveysDeps) {
  const { db } = database;
  return {
    async results(actor: Actor | undefined, q: ResultsQueryValue) {
      const a = authorize(actor, surveysPolicy, 'surveys.read');
      return buildResults(db, a.agencyId, { ...periodOf(q), procedureCode: q.procedureCode, field: q.field });
    },

    /** One sheet: the agency, then each field, procedure and month, with the index of each element. */
    async exportXlsx(actor: Actor | undefined, q: ResultsQueryValue) {
      const a = authorize(actor, surveysPolicy, 'surveys.read');
      const period = periodOf(q);
      const r = await buildResults(db, a.agencyId, { ...period, procedureCode: q.procedureCode, field: q.field });
      const line = (kind: string, g: GroupResultView) => [kind, g.label, g.responses, ...g.elements.map((e) => pct(e.index)), pct(g.index)];
      const xlsx = await writeTableXlsx({
        sheet: 'Kết quả khảo sát',
        title: `Kết quả khảo sát mức độ hài lòng từ ${formatDateVi(period.from)} đến ${formatDateVi(period.to)}${r.demoResponses ? ` (gồm ${r.demoResponses} phiếu mẫu)` : ''}`,
        columns: [{ header: 'Nhóm', width: 14 }, { header: 'Tên', width: 48 }, { header: 'Số phiếu', width: 10 }, ...ELEMENTS.map((e) => ({ header: `Chỉ số ${e.label}`, width: 18 })), { header: 'Chỉ số hài lòng chung', width: 18 }],
        rows: [
          line('Toàn cơ quan', { key: 'all', label: 'Toàn cơ quan', responses: r.responses, index: r.index, elements: r.elements }),
          ...r.byField.map((g) => line('Lĩnh vực', g)),
          ...r.byProcedure.map((g) => line('Thủ tục', g)),
          ...r.byMonth.map((g) => line('Tháng', g)),
        ],
      });
      return { bytes: xlsx, name: `ket-qua-khao-sat-${period.from}-${period.to}.xlsx` };
    },

    /** The public page's read side: a year's results (no comments: they may name people), and the years that have answers. */
    async publicResults(agencyId: string, year: number | undefined) {
      const years = await repo.listYears(db, agencyId);
      const shown = year ?? years[0] ?? Number(todayVi().slice(0, 4));
      if (!years.includes(shown)) years.push(shown);
      const r = await buildResults(db, agencyId, { from: `${shown}-01-01`, to: `${shown}-12-31` });
      return { years: years.sort((x, y) => y - x), year: shown, results: { ...r, comments: [] } };
    },
  };
}
