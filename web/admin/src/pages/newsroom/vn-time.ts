import dayjs, { type Dayjs } from 'dayjs';

// Viet Nam keeps UTC+7 all year (no daylight saving), so a wall-clock time there is one fixed
// offset away from UTC, whatever zone the editor's computer is set to.
const VN_OFFSET = '+07:00';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Display format of the date-time pickers, matching `formatDateTime`. */
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** An instant → a dayjs whose fields show the Vietnamese wall-clock time (for a picker's value). */
export function toVnPicker(instant: string | Date): Dayjs {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return dayjs(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00`);
}

/** A picked wall-clock time, read as Vietnamese time → the API's ISO instant (UTC). */
export function fromVnPicker(picked: Dayjs): string {
  return new Date(`${picked.format('YYYY-MM-DDTHH:mm')}:00${VN_OFFSET}`).toISOString();
}
