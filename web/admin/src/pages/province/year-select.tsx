import { Select } from 'antd';

/** The first plan year on record (the seed agency's 2024 plan). */
const FIRST_YEAR = 2024;

/** The plan year looked at: this year back to 2024, and at least the three years before this one. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const now = new Date().getFullYear();
  const years = Array.from({ length: now - Math.min(FIRST_YEAR, now - 3) + 1 }, (_, i) => now - i);
  return <Select aria-label="Năm kế hoạch" value={value} onChange={onChange} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} className="year-select" />;
}

/** The year in the address (`?year=`), else this year. */
export function yearFrom(params: URLSearchParams): number {
  const year = Number(params.get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : new Date().getFullYear();
}
