/**
 * Publishing a month's results. Results are public once entered (the statistics page shows
 * them at once); publishing records that the month was disclosed, as evidence on the plan's
 * task about posting processing results ("…Kết quả giải quyết TTHC", the seed plan's B.1 row).
 */
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { foldVi, todayVi } from '../../platform/vi-text.ts';
import type { ServiceStatsDeps } from './deps.ts';
import { currentMonth, RESULTS_SOURCE, resultsSourceId } from './entry.ts';
import { monthLabel } from './parse.ts';
import { serviceStatsPolicy } from './policy.ts';
import { statsPath } from './public-read.ts';
import { isBalanced } from './rates.ts';
import * as repo from './repo.ts';
import type { PublishReportView } from './schema.ts';
import { figuresOf } from './views.ts';

/** What a task's content says when it is about posting processing results (folded). */
const RESULTS_TASK = /ket qua giai quyet/;

export function createPublication({ database, audit, plans, evidence, onPublicChange }: ServiceStatsDeps) {
  const { db } = database;

  /**
   * The plan of the month's year and its tasks about processing results: among the plans being
   * carried out first, then the agency's other plans of that year that are not drafts.
   */
  async function resultsTasks(a: Actor, year: number) {
    const active = await plans.activePlanIds(a.agencyId);
    const others = (await plans.list(a)).filter((p) => p.year === year && p.status !== 'draft' && !active.includes(p.id)).map((p) => p.id);
    for (const id of [...active, ...others]) {
      const plan = await plans.planTasks(a.agencyId, id);
      if (!plan || plan.year !== year) continue;
      const tasks = plan.tasks.filter((t) => t.kind === 'task' && RESULTS_TASK.test(foldVi(t.content)));
      if (tasks.length > 0) return { planId: plan.id, taskIds: tasks.map((t) => t.id) };
    }
    return undefined;
  }

  return async function publishMonth(actor: Actor | undefined, month: string): Promise<PublishReportView> {
    const a = authorize(actor, serviceStatsPolicy, 'procedures.results');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new BadRequestError('Tháng phải có dạng YYYY-MM.');
    if (month > currentMonth()) throw new BadRequestError(`Tháng ${monthLabel(month)} chưa tới.`);
    const rows = await repo.listResults(db, { agencyId: a.agencyId, from: month, to: month });
    if (rows.length === 0) throw new BadRequestError(`Tháng ${monthLabel(month)} chưa có số liệu để công khai.`);
    const year = Number(month.slice(0, 4));
    const path = statsPath(year, Number(month.slice(5, 7)));
    const target = await resultsTasks(a, year);
    const codes = new Set(rows.map((r) => r.procedure_code).filter((c) => c !== null));
    // Evidence is dated when the month was disclosed, within the plan's year (December results
    // published in January count on the last day of their own year's plan).
    const today = todayVi();
    const date = today.startsWith(String(year)) ? today : `${year}-12-31`;
    const recordEvidence = target
      ? await evidence.prepareFromSource(a.agencyId, {
        source: { type: RESULTS_SOURCE, id: resultsSourceId(a.agencyId, month) }, planId: target.planId, taskIds: target.taskIds, kind: 'procedure', date,
        unitId: a.unitId, title: `Công khai kết quả giải quyết TTHC tháng ${monthLabel(month)}`, link: path,
        // Procedures whose results were disclosed (rows, when the month is counted per field).
        quantities: { procedures_disclosed: codes.size > 0 ? codes.size : rows.length },
      })
      : null;
    const evidenceId = await database.transaction(async (trx) => {
      const id = recordEvidence ? await recordEvidence(trx) : null;
      await audit.record(trx, a, { action: 'publish', entity: 'processing_results_month', entityId: resultsSourceId(a.agencyId, month), after: { month, rows: rows.length, evidenceId: id } });
      return id;
    });
    onPublicChange(a.agencyId);
    const unbalanced = rows.filter((r) => !isBalanced(figuresOf(r))).length;
    const note = unbalanced > 0 ? ` Lưu ý: ${unbalanced} dòng số liệu không cân đối, được công khai như đã nhập và được đánh dấu.` : '';
    return {
      month, rows: rows.length, path, evidenceRecorded: evidenceId !== null, evidenceId, planId: target?.planId ?? null, taskIds: target?.taskIds ?? [],
      message: target
        ? `Đã công khai kết quả tháng ${monthLabel(month)} và ghi minh chứng cho ${target.taskIds.length} nhiệm vụ của kế hoạch năm ${year}.${note}`
        : `Đã công khai kết quả tháng ${monthLabel(month)}; chưa ghi minh chứng vì không có kế hoạch năm ${year} với nhiệm vụ về công khai kết quả giải quyết TTHC.${note}`,
    };
  };
}
