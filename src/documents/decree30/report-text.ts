/**
 * The sentences of the period report (Báo cáo kết quả thực hiện Kế hoạch …) built from its
 * figures: the results as a list of clauses, the completion rate, the count of tasks by status.
 * Kept apart from the DOCX code so that the wording can be tested on strings, and shared with
 * the XLSX annex (which measures appear, in which order, under which unit name).
 */
import { formatDateVi } from '../../platform/vi-text.ts';
import type { ReportDocument, ReportEvidenceLine } from '../report-document.ts';

/**
 * The unit an evidence line without one is counted under. The reporting module keys `byUnit` by
 * this same name, so the annex's evidence rows add up to its task × unit rows.
 */
export const NO_UNIT = 'Không rõ đơn vị';

export function evidenceUnit(line: ReportEvidenceLine): string {
  return line.unit ?? NO_UNIT;
}

const numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A quantity as printed: "1.200" (Vietnamese thousands separator). */
export function quantityText(n: number): string {
  return numberVi.format(n);
}

/** "dd/mm/yyyy" from "YYYY-MM-DD". */
export function dmy(date: string): string {
  return formatDateVi(date);
}

/** "Quý I/2024 (từ ngày 15/12/2023 đến ngày 14/03/2024)". */
export function periodText(report: Pick<ReportDocument, 'periodLabel' | 'periodStart' | 'periodEnd'>): string {
  return `${report.periodLabel} (từ ngày ${dmy(report.periodStart)} đến ngày ${dmy(report.periodEnd)})`;
}

/** A label in running text: "Hội nghị" → "hội nghị", but "TTHC được công khai" stays. */
export function labelInText(label: string): string {
  const [first, second] = [...label];
  if (first === undefined) return label;
  if (second !== undefined && second === second.toLocaleUpperCase('vi') && second !== second.toLocaleLowerCase('vi')) return label;
  return first.toLocaleLowerCase('vi') + label.slice(first.length);
}

/** "Kết quả thực hiện …" → "kết quả thực hiện …", for a title used inside a sentence. */
export function lowerFirst(text: string): string {
  return labelInText(text);
}

/**
 * The measures that carry a non-zero figure anywhere in the given records, in the order of the
 * report's labels (the order reports list them), unknown codes last in the order met.
 */
export function measuresUsed(labels: Record<string, string>, records: Iterable<Record<string, number>>): string[] {
  const used = new Set<string>();
  for (const record of records) {
    for (const [code, value] of Object.entries(record)) if (value !== 0 && Number.isFinite(value)) used.add(code);
  }
  const known = Object.keys(labels).filter((code) => used.has(code));
  return [...known, ...[...used].filter((code) => !(code in labels))];
}

/** Every quantity record of the report: totals, per task, per task and unit, per evidence line. */
export function allQuantityRecords(report: ReportDocument): Record<string, number>[] {
  const out: Record<string, number>[] = [report.totals];
  for (const group of report.groups) {
    for (const task of group.tasks) {
      out.push(task.totals, ...Object.values(task.byUnit), ...task.evidence.map((e) => e.quantities));
    }
  }
  return out;
}

/** The verb each measure is reported with; the events share one clause ("tổ chức 2 hội nghị, 1 lớp tập huấn"). */
const VERBS: Record<string, string> = {
  articles: 'đăng tải',
  posts: 'thực hiện',
  documents: 'ban hành',
  procedures_disclosed: 'có',
  procedures_updated: 'có',
  leaflets: 'có',
  broadcasts: 'thực hiện',
};
const EVENTS = ['conferences', 'trainings', 'contests', 'outreach_sessions'];
const PARTICIPANTS = 'participants';

/**
 * The figures as clauses, zeros left out, each number followed by its label:
 * `["đăng tải 12 tin, bài viết", "tổ chức 2 hội nghị với 350 lượt người tham dự"]`.
 */
export function resultClauses(totals: Record<string, number>, labels: Record<string, string>): string[] {
  const label = (code: string) => labelInText(labels[code] ?? code);
  const figure = (code: string) => `${quantityText(totals[code] ?? 0)} ${label(code)}`;
  const clauses: string[] = [];
  let eventsDone = false;
  for (const code of measuresUsed(labels, [totals])) {
    const value = totals[code] ?? 0;
    if (value === 0) continue;
    if (EVENTS.includes(code) || code === PARTICIPANTS) {
      if (eventsDone) continue;
      eventsDone = true;
      const events = EVENTS.filter((e) => (totals[e] ?? 0) !== 0).map(figure);
      const people = (totals[PARTICIPANTS] ?? 0) !== 0 ? figure(PARTICIPANTS) : null;
      if (events.length === 0 && people) clauses.push(`thu hút ${people}`);
      else clauses.push(`tổ chức ${events.join(', ')}${people ? ` với ${people}` : ''}`);
      continue;
    }
    const verb = VERBS[code];
    clauses.push(verb ? `${verb} ${figure(code)}` : `${labels[code] ?? code}: ${quantityText(value)}`);
  }
  return clauses;
}

/** "đăng tải 12 tin, bài viết; tổ chức 2 hội nghị với 350 lượt người tham dự", or "" when all are zero. */
export function resultSentence(totals: Record<string, number>, labels: Record<string, string>): string {
  return resultClauses(totals, labels).join('; ');
}

const percentVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "Tỉ lệ nhiệm vụ hoàn thành đúng hạn: 50%." or "…: chưa có nhiệm vụ đến hạn." */
export function completionText(rate: number | null): string {
  const value = rate === null || !Number.isFinite(rate) ? 'chưa có nhiệm vụ đến hạn' : `${percentVi.format(rate * 100)}%`;
  return `Tỉ lệ nhiệm vụ hoàn thành đúng hạn: ${value}.`;
}

/** The order statuses are counted in. */
const STATUS_ORDER = ['Hoàn thành', 'Đang thực hiện', 'Có nguy cơ chậm', 'Quá hạn', 'Chưa thực hiện'];

/** "Kế hoạch có 8 nhiệm vụ, trong đó: 3 nhiệm vụ hoàn thành, 2 nhiệm vụ đang thực hiện, …" */
export function statusSummary(groups: ReportDocument['groups']): string {
  const counts = new Map<string, number>();
  let total = 0;
  for (const group of groups) {
    for (const task of group.tasks) {
      total += 1;
      counts.set(task.status, (counts.get(task.status) ?? 0) + 1);
    }
  }
  if (total === 0) return 'Kế hoạch chưa có nhiệm vụ.';
  const statuses = [...STATUS_ORDER.filter((s) => counts.has(s)), ...[...counts.keys()].filter((s) => !STATUS_ORDER.includes(s))];
  const parts = statuses.map((s) => `${counts.get(s)} nhiệm vụ ${labelInText(s)}`);
  return `Kế hoạch có ${total} nhiệm vụ, trong đó: ${parts.join(', ')}.`;
}

/** Ends a sentence with "." unless it already ends in punctuation. */
export function sentence(text: string): string {
  const clean = text.trim();
  return clean === '' || /[.!?…:;]$/.test(clean) ? clean : `${clean}.`;
}

/** Drops the end punctuation of a text that goes on inside a sentence. */
export function clause(text: string): string {
  return text.trim().replace(/[\s.;,:]+$/, '');
}

/** Vietnamese letters for lettered headings (Decree 30 skips none of a b c d đ e g h i k …). */
const LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');

/** a, b, …, y, then a1, b1, … */
export function letter(index: number): string {
  const base = LETTERS[index % LETTERS.length] ?? 'a';
  const round = Math.floor(index / LETTERS.length);
  return round === 0 ? base : `${base}${round}`;
}

/** The lines of a multi-line text typed by a unit, blank lines dropped. */
export function textLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
}
