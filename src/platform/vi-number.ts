/**
 * Vietnamese decimal numbers with two decimals at most, as published indices are written
 * ("88,54"; thousands with a dot: "1.234,5"). Values travel as integer hundredths so both
 * database engines store them exactly.
 */

const twoDecimals = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToTwo = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/**
 * Hundredths as Vietnamese text. Example: `formatHundredths(8854) === '88,54'`,
 * `formatHundredths(7280) === '72,80'` (published values keep both decimals).
 */
export function formatHundredths(x100: number): string {
  return twoDecimals.format(x100 / 100);
}

/** A plain number with at most two decimals, trailing zeros dropped. Example: `formatDecimalVi(81.5) === '81,5'`. */
export function formatDecimalVi(n: number): string {
  return upToTwo.format(n);
}

/**
 * Reads a decimal written the Vietnamese way ("88,54", "1.234,5", "91,16 %") or as a
 * spreadsheet gives it ("88.54"), into hundredths. A comma is the decimal mark when present
 * (dots are then thousands); otherwise a dot is the decimal mark. Spaces and a trailing % are
 * ignored. Null for anything else, or more than two decimals (a float noise of 1e-9 aside).
 * Example: `parseHundredths('88,54') === 8854`, `parseHundredths('88.54') === 8854`.
 */
export function parseHundredths(text: string): number | null {
  let t = text.replace(/[\s\u00a0]/g, '').replace(/%$/, '');
  if (!t) return null;
  if (t.includes(',')) {
    if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(t)) return null;
    t = t.replace(/\./g, '').replace(',', '.');
  } else if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  const x100 = Math.round(n * 100);
  if (Math.abs(n * 100 - x100) > 1e-6) return null;
  return Object.is(x100, -0) ? 0 : x100;
}

/** A share in per cent (0–100) rounded to two decimals, with a no-break space before %; null → "–". Example: `formatPercentVi(87.333) === '87,33 %'`. */
export function formatPercentVi(n: number | null): string {
  return n === null ? '–' : `${upToTwo.format(Math.round(n * 100) / 100)}\u00a0%`;
}
