/** Stored rows as the API shows them, and the summaries (per month, field, procedure, range) built from them. */
import type { ProcessingResultTable } from '../../db/types.ts';
import { compareVi } from '../../platform/vi-text.ts';
import { monthLabel } from './parse.ts';
import { emptyFigures, FIGURE_KEYS, indicators, isBalanced, periodFigures, sumFigures, type Figures } from './rates.ts';
import type { ResultView, StatView, SummaryView } from './schema.ts';

/** Names to show beside ids and codes. */
export interface Names {
  fields: Map<string, string>;
  procedures: Map<string, { name: string }>;
}

const COLUMNS: Record<keyof Figures, keyof ProcessingResultTable> = {
  carriedOver: 'carried_over',
  receivedOnline: 'received_online',
  receivedInPerson: 'received_in_person',
  receivedPostal: 'received_postal',
  settledEarly: 'settled_early',
  settledOnTime: 'settled_on_time',
  settledLate: 'settled_late',
  pendingWithin: 'pending_within',
  pendingOverdue: 'pending_overdue',
  returned: 'returned',
  withdrawn: 'withdrawn',
};

export function figuresOf(row: ProcessingResultTable): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, Number(row[COLUMNS[k]])])) as Figures;
}

/** The figure columns of a row to write. */
export function figureColumns(f: Figures) {
  return {
    carried_over: f.carriedOver, received_online: f.receivedOnline, received_in_person: f.receivedInPerson, received_postal: f.receivedPostal,
    settled_early: f.settledEarly, settled_on_time: f.settledOnTime, settled_late: f.settledLate,
    pending_within: f.pendingWithin, pending_overdue: f.pendingOverdue, returned: f.returned, withdrawn: f.withdrawn,
  };
}

export function resultView(row: ProcessingResultTable, names: Names): ResultView {
  const figures = figuresOf(row);
  return {
    id: row.id,
    month: row.month,
    procedureCode: row.procedure_code,
    procedureName: (row.procedure_code && names.procedures.get(row.procedure_code)?.name) ?? null,
    fieldId: row.field_id,
    fieldName: (row.field_id && names.fields.get(row.field_id)) ?? null,
    figures,
    ...indicators(figures),
    source: row.source,
    isDemo: row.is_demo === 1,
    updatedAt: row.updated_at,
  };
}

/** The key stocks are taken per: a procedure's row, or a field's total. */
const stockKey = (r: ProcessingResultTable) => (r.procedure_code ? `p:${r.procedure_code}` : `f:${r.field_id ?? ''}`);

function stat(key: string, label: string, rows: ProcessingResultTable[], figures: Figures): StatView {
  return { key, label, figures, ...indicators(figures), rows: rows.length, unbalancedRows: rows.filter((r) => !isBalanced(figuresOf(r))).length };
}

/** Totals of a range of rows (stocks per key, see periodFigures). */
function rangeStat(key: string, label: string, rows: ProcessingResultTable[]): StatView {
  return stat(key, label, rows, periodFigures(rows.map((r) => ({ key: stockKey(r), month: r.month, figures: figuresOf(r) }))));
}

function groupBy<T>(items: T[], keyOf: (t: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Every month from `from` to `to` (YYYY-MM), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) return out;
    out.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** Per month (every month of the range), per field, per procedure and the range's total. */
export function buildSummary(rows: ProcessingResultTable[], from: string, to: string, names: Names): SummaryView {
  const inRange = rows.filter((r) => r.month >= from && r.month <= to);
  const byMonth = groupBy(inRange, (r) => r.month);
  const months = monthsBetween(from, to).map((m) => {
    const list = byMonth.get(m) ?? [];
    // Within one month the rows are different dossiers: they simply add up.
    return stat(m, `Tháng ${monthLabel(m)}`, list, list.length > 0 ? sumFigures(list.map(figuresOf)) : emptyFigures());
  });
  const byField = [...groupBy(inRange, (r) => r.field_id ?? '')]
    .map(([id, list]) => rangeStat(id, (id && names.fields.get(id)) || 'Chưa xếp lĩnh vực', list))
    .sort((a, b) => compareVi(a.label, b.label));
  const byProcedure = [...groupBy(inRange, (r) => r.procedure_code)]
    .map(([code, list]) => rangeStat(code, names.procedures.get(code)?.name ?? code, list))
    .sort((a, b) => compareVi(a.key, b.key));
  return { from, to, months, total: rangeStat('total', 'Tổng cộng', inRange), byField, byProcedure, hasDemo: inRange.some((r) => r.is_demo === 1) };
}
