// Everything the agency reads is in Vietnamese civil time, whatever the viewer's machine says.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 'YYYY-MM-DD' (a calendar date, no time zone involved) → 'dd/mm/yyyy'; empty for null. */
export function formatDate(ymd: string | null | undefined): string {
  if (!ymd) return '';
  const [y, m, d] = ymd.slice(0, 10).split('-');
  return y && m && d ? `${d}/${m}/${y}` : ymd;
}

/** An ISO instant → 'dd/mm/yyyy HH:mm' in Vietnam; empty for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(dateTimeParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

const numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A count as Vietnamese write it: 1.200 (dot for thousands). */
export function formatNumber(n: number): string {
  return numberVi.format(n);
}

/** 0.5 → "50%"; null (nothing to measure yet) → "—". */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(rate * 100)}%`;
}

/** Quantities as "Hội thi: 1; Lượt người tham dự: 150", zeros left out; "—" when none. */
export function formatQuantities(quantities: Record<string, number>, label: (measure: string) => string): string {
  const parts = Object.entries(quantities)
    .filter(([, n]) => n !== 0)
    .map(([measure, n]) => `${label(measure)}: ${formatNumber(n)}`);
  return parts.length ? parts.join('; ') : '—';
}
