import { Select } from 'antd';

/** The plan year looked at: this year and the three before it. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const now = new Date().getFullYear();
  const years = [now, now - 1, now - 2, now - 3];
  return <Select aria-label="Năm kế hoạch" value={value} onChange={onChange} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} className="year-select" />;
}

/** The year in the address (`?year=`), else this year. */
export function yearFrom(params: URLSearchParams): number {
  const year = Number(params.get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : new Date().getFullYear();
}
