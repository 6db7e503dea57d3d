import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/vi';

// antd's date pickers name months and weekdays through dayjs's global locale.
dayjs.locale('vi');

/** Display format of the date pickers, matching `formatDate`. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** A picked day → the API's 'YYYY-MM-DD' (a calendar day; no time zone conversion). */
export function toYmd(day: Dayjs): string {
  return day.format('YYYY-MM-DD');
}
