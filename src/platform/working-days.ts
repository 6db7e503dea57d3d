/**
 * The day `days` working days after `date` (YYYY-MM-DD): weekends are skipped, public holidays
 * are not known here. Example: `addWorkingDays('2024-06-07', 1) === '2024-06-10'` (Friday → Monday).
 */
export function addWorkingDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}
