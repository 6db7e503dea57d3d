/**
 * The words of the procedures' public pages and desk sheets, in one place so that the web
 * pages, the printed sheets and their PDF say the same thing.
 */
import { slugify } from '../../platform/slug.ts';
import { CHANGE_KINDS, CHANNELS, ONLINE_LEVELS, PROCEDURE_LEVELS, type ProcedureDataValue } from './procedure-data.ts';

export const CATALOG_TITLE = 'Thủ tục hành chính';
export const CHANGES_TITLE = 'Thủ tục hành chính mới được cập nhật';
export const POSTING_TITLE = 'NIÊM YẾT THỦ TỤC HÀNH CHÍNH';
export const NATIONAL_PORTAL_LINK = 'Xem trên Cổng Dịch vụ công quốc gia';

/** Query parameters of the catalog and the procedure page (readable Vietnamese, no diacritics). */
export const PROCEDURE_QUERY = { q: 'q', field: 'linh-vuc', level: 'cap', online: 'truc-tuyen', page: 'trang', date: 'ngay' } as const;

/** The online-service filter as written in addresses, and what the service calls it. */
export const ONLINE_FILTERS = { 'toan-trinh': 'full', 'mot-phan': 'partial', khong: 'none' } as const;
export type OnlineFilter = keyof typeof ONLINE_FILTERS;
export const ONLINE_FILTER_LABELS: Record<OnlineFilter, string> = { 'toan-trinh': 'Toàn trình', 'mot-phan': 'Một phần', khong: 'Không trực tuyến' };

/** Levels of government by the slug the level filter uses (`cap=cap-tinh`). */
export const LEVEL_SLUGS: ReadonlyMap<string, string> = new Map(PROCEDURE_LEVELS.map((l) => [slugify(l), l]));

export const LABELS = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  level: 'Cấp thực hiện',
  agency: 'Cơ quan thực hiện',
  online: 'Mức độ dịch vụ công trực tuyến',
  steps: 'Trình tự thực hiện',
  channels: 'Cách thức thực hiện',
  dossier: 'Thành phần hồ sơ',
  applicants: 'Đối tượng thực hiện',
  result: 'Kết quả thực hiện',
  forms: 'Mẫu đơn, tờ khai',
  conditions: 'Yêu cầu, điều kiện thực hiện',
  legalBasis: 'Căn cứ pháp lý',
  process: 'Quy trình nội bộ giải quyết thủ tục',
  history: 'Lịch sử thay đổi',
  feedback: 'Phản ánh, kiến nghị về quy định hành chính',
} as const;

export const CHANNEL_HEADERS = ['Hình thức nộp', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Mô tả'] as const;
export const DOSSIER_HEADERS = ['TT', 'Tên giấy tờ', 'Bản chính', 'Bản sao'] as const;
export const CHANGE_HEADERS = ['Ngày hiệu lực', 'Nội dung thay đổi', 'Mã thủ tục', 'Tên thủ tục', 'Quyết định công bố'] as const;

/** What an empty field says. */
export const NOTHING = 'Không';
export const NOT_GIVEN = 'Chưa có thông tin';

export function onlineLabel(level: string | null): string {
  return level && level in ONLINE_LEVELS ? ONLINE_LEVELS[level as keyof typeof ONLINE_LEVELS] : 'Không cung cấp trực tuyến';
}

/** Where a version came from: the change kind of its decision, or an update of the catalog. */
export function originLabel(origin: string): string {
  return origin in CHANGE_KINDS ? CHANGE_KINDS[origin as keyof typeof CHANGE_KINDS] : 'Cập nhật danh mục';
}

/** The channels in the fixed order of the national database (in person, online, postal), with their labels. */
export function channelRows(channels: ProcedureDataValue['channels']): { label: string; processingTime: string; fee: string; description: string }[] {
  return (Object.keys(CHANNELS) as (keyof typeof CHANNELS)[]).flatMap((kind) => channels.filter((c) => c.channel === kind).map((c) => ({ label: CHANNELS[kind], processingTime: c.processingTime, fee: c.fee, description: c.description })));
}

/** The decision behind a change, as one line ("125/QĐ-UBND ngày 03/06/2024"). */
export function decisionLabel(d: { numberSymbol: string; signedOn: string } | null, formatDate: (iso: string) => string): string {
  return d ? `${d.numberSymbol} ngày ${formatDate(d.signedOn)}` : '';
}

const hoursFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
/** A number with the Vietnamese decimal comma ("1,5"). */
export const formatNumberVi = (n: number) => hoursFormat.format(n);

/** Steps typed with their own numbers ("Bước 1: …") are not numbered again by the list. */
export const stepsNumbered = (steps: readonly string[]) => steps.length > 0 && steps.every((s) => /^bước\s*\d+/iu.test(s));
