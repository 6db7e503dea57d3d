import type { ProvinceRollup } from '../../documents/province-rollup.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { compareVi, todayVi } from '../../platform/vi-text.ts';
import { DOCX_MIME, XLSX_MIME } from '../reporting/consolidation-service.ts';
import type { OversightDeps } from './deps.ts';
import { compareRanked, ranks, reportingPunctuality, type LateReport } from './metrics.ts';
import { oversightPolicy } from './policy.ts';
import { provinceReader } from './reader.ts';

/** Plan statuses that count for a year, best first: a draft plan is not the agency's plan yet. */
const PLAN_ORDER = ['in_force', 'approved', 'closed'] as const;

/**
 * The overseer's view of its province: every agency's plan progress and reporting, ranked, and
 * each agency's plan, progress and reports read-only. Nothing is computed here that the agency
 * computes itself: the figures come from the evidence and reporting services, asked as the
 * agency's reader. An agency outside the overseer's province answers 404, like a missing one.
 */
export function createOversightService({ org, plans, planExports, evidence, reporting, consolidation, today = todayVi }: OversightDeps) {
  /** The overseer and its province (null: its agency belongs to no province, so it sees nothing). */
  async function overseerOf(actor: Actor | undefined) {
    const a = authorize(actor, oversightPolicy, 'oversight.read');
    return { a, province: await org.provinces.of(a.agencyId) };
  }

  /** A reader of `agencyId` after checking it is in the overseer's province. */
  async function readerOf(actor: Actor | undefined, agencyId: string) {
    const { a, province } = await overseerOf(actor);
    const agency = province === null ? undefined : (await org.provinces.agencies(province)).find((x) => x.id === agencyId);
    if (!agency) throw new NotFoundError('Không tìm thấy cơ quan.');
    return { reader: provinceReader(a, agencyId), isDemo: agency.isDemo };
  }

  /** Names are those in force at the end of the year (or today, for the running year). */
  const namesDate = (year: number, asOf: string) => (asOf < `${year}-12-31` ? asOf : `${year}-12-31`);

  async function yearPlan(reader: Actor, year: number) {
    const all = await plans.list(reader);
    const ofYear = all.filter((p) => p.year === year);
    for (const status of PLAN_ORDER) {
      const found = ofYear.find((p) => p.status === status);
      if (found) return { all, plan: found };
    }
    return { all, plan: undefined };
  }

  async function periodsOf(reader: Actor, planId: string) {
    const out = [];
    for (const period of await reporting.listPeriods(reader, planId)) {
      const { reports } = await reporting.listReports(reader, period.id);
      out.push({ period, reports, consolidated: await consolidation.issued(reader, period.id) });
    }
    return out;
  }

  /** One agency's row of the province table, with its late reports and (for the detail page) its periods. */
  async function agencySummary(reader: Actor, year: number, asOf: string, isDemo: boolean) {
    const [names, { all, plan }] = await Promise.all([org.agencyNameOn(reader.agencyId, namesDate(year, asOf)), yearPlan(reader, year)]);
    const progress = plan ? await evidence.progress(reader, plan.id) : undefined;
    const periods = plan ? await periodsOf(reader, plan.id) : [];
    const punctuality = reportingPunctuality(periods, asOf);
    const row = {
      agencyId: reader.agencyId,
      name: names?.name ?? '',
      isDemo,
      plan: plan ? { id: plan.id, title: plan.title, numberText: plan.numberText, status: plan.status } : null,
      completionRate: progress?.completionRate ?? null,
      tasksDue: progress?.tasksDue ?? 0,
      tasksDoneOnTime: progress?.tasksDoneOnTime ?? 0,
      reportsDue: punctuality.due,
      reportsOnTime: punctuality.onTime,
      reportsLate: punctuality.late,
      reportsMissing: punctuality.missing,
      onTimeRate: punctuality.rate,
    };
    return { row, lateReports: punctuality.lateReports, periods, plans: all };
  }

  const service = {
    /** Every agency of the overseer's province for `year`, ranked by plan completion and on-time reporting. */
    async province(actor: Actor | undefined, year: number) {
      const { a, province } = await overseerOf(actor);
      const asOf = today();
      const agencies = province ? await org.provinces.agencies(province) : [];
      // One agency after another: on SQLite every read shares one connection anyway.
      const summaries = [];
      for (const agency of agencies) summaries.push(await agencySummary(provinceReader(a, agency.id), year, asOf, agency.isDemo));
      const completion = ranks(summaries.map((s) => s.row.completionRate));
      const onTime = ranks(summaries.map((s) => s.row.onTimeRate));
      const rows = summaries.map((s, i) => ({ ...s.row, completionRank: completion[i] ?? null, onTimeRank: onTime[i] ?? null })).sort(compareRanked);
      const lateReports: (LateReport & { agencyId: string; agencyName: string })[] = summaries
        .flatMap((s) => s.lateReports.map((l) => ({ ...l, agencyId: s.row.agencyId, agencyName: s.row.name })))
        .sort((x, y) => compareVi(x.agencyName, y.agencyName) || x.due.localeCompare(y.due));
      return {
        provinceCode: province,
        provinceName: province ? await org.provinces.nameOn(province, namesDate(year, asOf)) : null,
        year,
        asOf,
        agencies: rows,
        lateReports,
      };
    },

    /** One agency of the province: its row, its plans, and each period of the year's plan with its reports. */
    async agency(actor: Actor | undefined, agencyId: string, year: number) {
      const { reader, isDemo } = await readerOf(actor, agencyId);
      const asOf = today();
      const { row, lateReports, periods, plans: all } = await agencySummary(reader, year, asOf, isDemo);
      return { ...row, year, asOf, lateReports, plans: all.map((p) => ({ id: p.id, year: p.year, title: p.title, numberText: p.numberText, status: p.status })), periods };
    },

    /** The progress of one of the agency's plans, exactly as the agency's own progress page gets it. */
    async progress(actor: Actor | undefined, agencyId: string, planId: string) {
      return evidence.progress((await readerOf(actor, agencyId)).reader, planId);
    },

    /** One of the agency's plans as a document: DOCX in the Decree 30 layout, or its task table as XLSX. */
    async planFile(actor: Actor | undefined, agencyId: string, planId: string, format: 'docx' | 'xlsx') {
      return planExports.export((await readerOf(actor, agencyId)).reader, planId, format);
    },

    /** The agency's consolidated report of a period (the issued files, or the draft). */
    async consolidatedFile(actor: Actor | undefined, agencyId: string, periodId: string, format: 'docx' | 'xlsx') {
      return consolidation.file((await readerOf(actor, agencyId)).reader, periodId, format);
    },

  };

  return {
    ...service,

    /** The province roll-up report of `year` (DOCX in the Decree 30 layout, or XLSX), headed by the overseer's department. */
    async rollupFile(actor: Actor | undefined, year: number, format: 'docx' | 'xlsx') {
      const view = await service.province(actor, year);
      const rollup: ProvinceRollup = {
        provinceName: view.provinceName ?? '',
        year,
        asOf: view.asOf,
        agencies: view.agencies.map((a) => ({ ...a, planTitle: a.plan?.title ?? null })),
        lateReports: view.lateReports,
      };
      const name = `Tong-hop-CCHC-toan-tinh-${year}.${format}`;
      if (format === 'xlsx') {
        const { writeProvinceRollupXlsx } = await import('../../documents/xlsx/province-rollup-xlsx.ts');
        return { name, mime: XLSX_MIME, bytes: await writeProvinceRollupXlsx(rollup) };
      }
      // Loaded on first use: the writer pulls in docx.
      const { writeProvinceRollupDocx } = await import('../../documents/decree30/province-rollup-docx.ts');
      const issuer = await org.agencyNameOn(actor!.agencyId, view.asOf);
      const header = { parentAgency: issuer?.parentName ?? null, agency: issuer?.name ?? '', agencyHeader: issuer?.shortName, place: issuer?.place ?? view.provinceName ?? '' };
      return { name, mime: DOCX_MIME, bytes: await writeProvinceRollupDocx(rollup, header, issuer?.abbreviation ?? 'SNV') };
    },
  };
}

export type OversightService = ReturnType<typeof createOversightService>;
