/**
 * The figures of processing results (Quyết định 766/QĐ-TTg) and the rates computed from them.
 * Pure functions: no database, no dates; the service, the portal and the tests share them.
 */

/** The eleven figures of one month, in the order the one-stop software's reports show them. */
export const FIGURE_KEYS = [
  'carriedOver', 'receivedOnline', 'receivedInPerson', 'receivedPostal',
  'settledEarly', 'settledOnTime', 'settledLate', 'pendingWithin', 'pendingOverdue', 'returned', 'withdrawn',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number>;

/** Figures that are stocks (what is on hand at a moment) rather than flows (what happened in the month). */
const OPENING_STOCK: FigureKey[] = ['carriedOver'];
const CLOSING_STOCK: FigureKey[] = ['pendingWithin', 'pendingOverdue'];

export function emptyFigures(): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;
}

export function addFigures(a: Figures, b: Figures): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, a[k] + b[k]])) as Figures;
}

/** Received in the month, by every channel (online + in person + public postal service). */
export function received(f: Figures): number {
  return f.receivedOnline + f.receivedInPerson + f.receivedPostal;
}

/** Settled in the month: early + on time + late. */
export function settled(f: Figures): number {
  return f.settledEarly + f.settledOnTime + f.settledLate;
}

/** Still in progress at the end of the month: within the deadline + past it. */
export function pending(f: Figures): number {
  return f.pendingWithin + f.pendingOverdue;
}

/**
 * What was out of balance, flagged and never corrected: every dossier on hand (carried over +
 * received) must end settled, pending, returned or withdrawn. Positive: more went out than came
 * in; negative: dossiers are missing from the outcomes.
 */
export function balanceDifference(f: Figures): number {
  return settled(f) + pending(f) + f.returned + f.withdrawn - (f.carriedOver + received(f));
}

export function isBalanced(f: Figures): boolean {
  return balanceDifference(f) === 0;
}

/**
 * Tỉ lệ hồ sơ giải quyết đúng hạn = (settled early + settled on time) / all settled; null when
 * nothing was settled (no rate, rather than 0 % or 100 %).
 *
 * Source: the "tiến độ giải quyết" (processing progress) group of the indicator set approved by
 * Quyết định 766/QĐ-TTg (23/6/2022), which counts dossiers settled early or on time against the
 * dossiers settled in the period, as the national public-service portal's monitoring shows it.
 * Not verified against the decision's annex here: the annex scores the indicator in points
 * from this rate, and may leave out dossiers returned or withdrawn in a way this formula does
 * not model (they are outside both numerator and denominator here).
 */
export function onTimeRate(f: Figures): number | null {
  const total = settled(f);
  return total === 0 ? null : (f.settledEarly + f.settledOnTime) / total;
}

/**
 * Tỉ lệ hồ sơ trực tuyến = received online / all received in the period (online + in person +
 * postal); null when nothing was received. Dossiers carried over are not counted again.
 *
 * Source: the "dịch vụ trực tuyến" (online service) group of Quyết định 766/QĐ-TTg. Not verified
 * against the annex here: the official indicator may count only dossiers of procedures that
 * offer an online public service (dịch vụ công trực tuyến) in its denominator, which this
 * formula, lacking that flag per row, does not do.
 */
export function onlineRate(f: Figures): number | null {
  const total = received(f);
  return total === 0 ? null : f.receivedOnline / total;
}

export interface Indicators {
  received: number;
  settled: number;
  pending: number;
  onTimeRate: number | null;
  onlineRate: number | null;
  balanced: boolean;
  /** settled + pending + returned + withdrawn − (carried over + received); 0 when balanced. */
  difference: number;
}

export function indicators(f: Figures): Indicators {
  const difference = balanceDifference(f);
  return { received: received(f), settled: settled(f), pending: pending(f), onTimeRate: onTimeRate(f), onlineRate: onlineRate(f), balanced: difference === 0, difference };
}

export interface KeyedMonth {
  /** What the row is about (a procedure code or a field id): stocks are taken per key. */
  key: string;
  /** YYYY-MM */
  month: string;
  figures: Figures;
}

/**
 * The figures of a range of months. Flows (received, settled, returned, withdrawn) add up over
 * the months; stocks do not: per key, "carried over" is that of its first month in the range
 * and "pending" that of its last, so a year of consistent months balances like one month.
 * Summing monthly carried-over figures would count the same dossier once per month it waited.
 */
export function periodFigures(rows: KeyedMonth[]): Figures {
  const byKey = new Map<string, KeyedMonth[]>();
  for (const r of rows) {
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  let total = emptyFigures();
  for (const list of byKey.values()) {
    const sorted = [...list].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    const first = sorted[0]!.figures;
    const last = sorted[sorted.length - 1]!.figures;
    let flows = emptyFigures();
    for (const r of sorted) flows = addFigures(flows, r.figures);
    for (const k of OPENING_STOCK) flows[k] = first[k];
    for (const k of CLOSING_STOCK) flows[k] = last[k];
    total = addFigures(total, flows);
  }
  return total;
}

/** Adds the figures of several keys in one month (no stock question: different dossiers). */
export function sumFigures(list: Figures[]): Figures {
  return list.reduce(addFigures, emptyFigures());
}
