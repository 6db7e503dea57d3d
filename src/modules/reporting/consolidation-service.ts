import type { Database } from '../../db/database.ts';
import type { ReportPeriodTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import type { ReportDocument } from '../../documents/report-document.ts';
import { authorize, systemReader, type Actor } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { BadRequestError, ConflictError } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/store.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { OrgService } from '../org/service.ts';
import type { PlansService } from '../plans/service.ts';
import { buildReportDocument } from './consolidate.ts';
import { applyDraftEdits, type DraftEditsValue } from './draft-edits.ts';
import { periodDefaults } from './periods.ts';
import { reportingPolicy } from './policy.ts';
import * as repo from './repo.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ConsolidationDeps {
  database: Database;
  audit: AuditService;
  org: OrgService;
  plans: PlansService;
  evidence: EvidenceService;
}

type PeriodRef = Pick<ReportPeriodTable, 'label' | 'start_date' | 'end_date'> & { id: string | null };

/**
 * The agency's consolidated report of a period: a draft computed afresh from evidence and unit
 * reports whenever asked; once finalised with its number, the signed files are kept and served
 * as they are — never silently regenerated.
 */
export function createConsolidationService({ database, audit, org, plans, evidence }: ConsolidationDeps) {
  const { db } = database;

  async function compose(agencyId: string, planId: string, period: PeriodRef, opts: { numberText?: string; date?: string | null; draft: boolean }) {
    // One read of the plan (404 when it is not this agency's): its rows and its metadata.
    const full = (await plans.document(systemReader(agencyId), planId)).view;
    const [items, progress, directory, names] = await Promise.all([
      evidence.planPeriodEvidence(agencyId, planId, period.start_date, period.end_date),
      evidence.progress(systemReader(agencyId), planId, period.end_date),
      org.unitDirectory(agencyId),
      org.agencyNameOn(agencyId, opts.date ?? period.end_date),
    ]);
    const unitReports = period.id ? (await repo.listReports(db, agencyId, period.id)).filter((r) => ['submitted', 'accepted'].includes(r.status)) : [];
    const abbreviation = names?.abbreviation ?? 'CQ';
    const document: ReportDocument = buildReportDocument({
      plan: { year: full.year, title: full.title, numberText: full.numberText, signDate: full.signDate, recipients: full.recipients, signer: full.signer as ReportDocument['signer'], issuer: full.issuer, tasks: full.tasks },
      period: { label: period.label, startDate: period.start_date, endDate: period.end_date },
      evidence: items,
      statuses: new Map(progress.tasks.map((t) => [t.taskId, t.status])),
      completionRate: progress.completionRate,
      unitNames: new Map(directory.units.map((u) => [u.id, u.shortName])),
      unitReports: unitReports.map((r) => ({ unitId: r.unit_id, status: r.status, narratives: JSON.parse(r.narratives) as Record<string, string>, difficulties: r.difficulties, proposals: r.proposals })),
      numberText: opts.numberText ?? `/BC-${abbreviation}`,
      place: names?.place ?? '',
      date: opts.date ?? null,
      agencyAbbreviation: abbreviation,
      draft: opts.draft,
    });
    const header = { parentAgency: names?.parentName ?? null, agency: names?.name ?? '', agencyHeader: names?.shortName, place: names?.place ?? '' };
    const edits = period.id ? await repo.findDraftEdits(db, agencyId, period.id) : undefined;
    return { document: applyDraftEdits(document, edits ? (JSON.parse(edits.edits) as DraftEditsValue) : undefined), header };
  }

  async function render(document: ReportDocument, header: Awaited<ReturnType<typeof compose>>['header']) {
    // Loaded on first use: the writers pull in docx and exceljs.
    const [{ writeReportDocx }, { writeReportAnnexXlsx }] = await Promise.all([import('../../documents/decree30/report-docx.ts'), import('../../documents/xlsx/report-annex-xlsx.ts')]);
    return { docx: await writeReportDocx(document, header), xlsx: await writeReportAnnexXlsx(document) };
  }

  async function periodFor(actor: Actor | undefined, periodId: string) {
    const period = await repo.findPeriod(db, periodId);
    const a = authorize(actor, reportingPolicy, 'reports.read', period);
    return { a, period: period! };
  }

  return {
    /** The draft report as data (for the admin's preview and edit). */
    async draft(actor: Actor | undefined, periodId: string) {
      const { a, period } = await periodFor(actor, periodId);
      const final = await repo.findFinalReport(db, a.agencyId, periodId);
      if (final) return { final: true, numberText: final.number_text, document: JSON.parse(final.content) as ReportDocument };
      return { final: false, numberText: null, document: (await compose(a.agencyId, period.plan_id, period, { draft: true })).document };
    },

    /** Whether the period's consolidated report was issued, with its number and date (cheap: nothing composed). */
    async issued(actor: Actor | undefined, periodId: string) {
      const { a } = await periodFor(actor, periodId);
      const final = await repo.findFinalReport(db, a.agencyId, periodId);
      return final ? { numberText: final.number_text, signDate: final.sign_date } : null;
    },

    /** The DOCX or XLSX: the kept final if there is one, else a fresh draft. */
    async file(actor: Actor | undefined, periodId: string, format: 'docx' | 'xlsx') {
      const { a, period } = await periodFor(actor, periodId);
      const final = await repo.findFinalReport(db, a.agencyId, periodId);
      const name = `Bao-cao-CCHC-${period.code}${final ? '' : '-du-thao'}.${format}`;
      const mime = format === 'docx' ? DOCX_MIME : XLSX_MIME;
      if (final) {
        const stored = await fileStore.content(db, a.agencyId, format === 'docx' ? final.docx_file_id : final.xlsx_file_id);
        return { name, mime, bytes: stored!.content };
      }
      const { document, header } = await compose(a.agencyId, period.plan_id, period, { draft: true });
      const files = await render(document, header);
      return { name, mime, bytes: format === 'docx' ? files.docx : files.xlsx };
    },

    /** Saves the coordinator's changes to the draft's words; refused once the report is issued. */
    async editDraft(actor: Actor | undefined, periodId: string, edits: DraftEditsValue) {
      const period = await repo.findPeriod(db, periodId);
      const a = authorize(actor, reportingPolicy, 'reports.review', period);
      if (await repo.findFinalReport(db, a.agencyId, periodId)) throw new ConflictError('Báo cáo đã ban hành, không sửa được nữa.');
      await database.transaction(async (trx) => {
        const before = await repo.findDraftEdits(trx, a.agencyId, periodId);
        const merged = { ...(before ? (JSON.parse(before.edits) as DraftEditsValue) : {}), ...edits };
        await repo.saveDraftEdits(trx, { period_id: periodId, agency_id: a.agencyId, edits: JSON.stringify(merged), updated_by: a.userId, updated_at: nowIso() });
        await audit.record(trx, a, { action: 'edit_draft', entity: 'consolidated_report', entityId: periodId, before: before ? JSON.parse(before.edits) : null, after: merged });
      });
      return this.draft(a, periodId);
    },

    /** Signs off the report: number and date fixed, files stored; a second finalisation is refused. */
    async finalize(actor: Actor | undefined, periodId: string, input: { numberText: string; date: string }) {
      const period = await repo.findPeriod(db, periodId);
      const a = authorize(actor, reportingPolicy, 'reports.review', period);
      if (!/^\d{1,4}\/BC-[\p{L}\d-]+$/u.test(input.numberText.trim())) throw new BadRequestError('Số báo cáo phải có dạng 05/BC-BDT.');
      if (await repo.findFinalReport(db, a.agencyId, periodId)) throw new ConflictError('Báo cáo kỳ này đã ban hành; bản chính thức được giữ nguyên.');
      const { document, header } = await compose(a.agencyId, period!.plan_id, period!, { numberText: input.numberText.trim(), date: input.date, draft: false });
      const files = await render(document, header);
      await database.transaction(async (trx) => {
        if (await repo.findFinalReport(trx, a.agencyId, periodId)) throw new ConflictError('Báo cáo kỳ này đã ban hành.');
        const docx = await fileStore.save(trx, { agencyId: a.agencyId, name: `Bao-cao-${period!.code}.docx`, mime: DOCX_MIME, bytes: files.docx, createdBy: a.userId });
        const xlsx = await fileStore.save(trx, { agencyId: a.agencyId, name: `Bao-cao-${period!.code}-phu-luc.xlsx`, mime: XLSX_MIME, bytes: files.xlsx, createdBy: a.userId });
        const id = newId();
        await repo.insertFinalReport(trx, { id, agency_id: a.agencyId, period_id: periodId, number_text: input.numberText.trim(), sign_date: input.date, content: JSON.stringify(document), docx_file_id: docx.id, xlsx_file_id: xlsx.id, finalized_by: a.userId, created_at: nowIso() });
        await audit.record(trx, a, { action: 'finalize', entity: 'consolidated_report', entityId: id, after: { period: period!.code, numberText: input.numberText } });
      });
      return this.draft(a, periodId);
    },

    /**
     * For the CLI: the report of a plan for a period code, using the opened period if there is
     * one and the decree's default dates otherwise.
     */
    async generateForCode(agencyId: string, planId: string, code: string) {
      const d = periodDefaults(code);
      if (!d) throw new BadRequestError(`Mã kỳ "${code}" không hợp lệ (ví dụ 2024-Q1).`);
      const opened = await repo.findPeriodByCode(db, agencyId, planId, d.code);
      const final = opened && (await repo.findFinalReport(db, agencyId, opened.id));
      if (final) {
        const [docx, xlsx] = await Promise.all([fileStore.content(db, agencyId, final.docx_file_id), fileStore.content(db, agencyId, final.xlsx_file_id)]);
        return { docx: docx!.content, xlsx: xlsx!.content, final: true };
      }
      const period: PeriodRef = opened ?? { id: null, label: d.label, start_date: d.start, end_date: d.end };
      const { document, header } = await compose(agencyId, planId, period, { draft: true });
      return { ...(await render(document, header)), final: false };
    },
  };
}

export type ConsolidationService = ReturnType<typeof createConsolidationService>;
