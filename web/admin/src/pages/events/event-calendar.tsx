import { Calendar, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { OutreachEvent } from './event-types';

interface Props {
  year: number;
  rows: OutreachEvent[];
  month: Dayjs;
  onMonth: (month: Dayjs) => void;
  onOpen: (row: OutreachEvent) => void;
}

/** A month's events on a calendar: each shows on every day it runs; a click opens it. */
export function EventCalendar({ year, rows, month, onMonth, onOpen }: Props) {
  const byDay = useMemo(() => {
    const map = new Map<string, OutreachEvent[]>();
    for (const e of rows) {
      for (let d = dayjs(e.startDate); !d.isAfter(dayjs(e.endDate), 'day'); d = d.add(1, 'day')) {
        const key = d.format('YYYY-MM-DD');
        map.set(key, [...(map.get(key) ?? []), e]);
      }
    }
    return map;
  }, [rows]);
  return (
    <Calendar
      value={month}
      onPanelChange={(d) => onMonth(d)}
      className="event-calendar"
      fullscreen
      // The year is the list's filter; the header only picks its month (a labelled select).
      headerRender={({ value, onChange }) => (
        <div className="event-calendar-header">
          <Select
            aria-label="Tháng"
            value={value.month()}
            onChange={(m: number) => {
              const next = value.year(year).month(m).date(1);
              onChange(next);
              onMonth(next);
            }}
            options={Array.from({ length: 12 }, (_, m) => ({ value: m, label: `Tháng ${m + 1}/${year}` }))}
            style={{ width: 160 }}
          />
        </div>
      )}
      cellRender={(d, info) =>
        info.type === 'date' ? (
          <ul className="event-calendar-day">
            {(byDay.get(d.format('YYYY-MM-DD')) ?? []).map((e) => (
              <li key={e.id}>
                <button type="button" className="event-calendar-item" onClick={() => onOpen(e)} title={e.title}>
                  {e.title}
                </button>
              </li>
            ))}
          </ul>
        ) : null
      }
    />
  );
}
