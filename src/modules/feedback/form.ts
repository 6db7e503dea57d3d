import { normalizeText } from '../../platform/vi-text.ts';

/** Field names of the public form (HTML `name`s), shared by the page and the parser. */
export const FORM_FIELDS = {
  name: 'ho_ten',
  address: 'dia_chi',
  phone: 'dien_thoai',
  email: 'email',
  subject: 'tieu_de',
  content: 'noi_dung',
  procedure: 'thu_tuc',
  consent: 'dong_y_cong_khai',
  answer: 'tra_loi_kiem_tra',
  token: 'ma_kiem_tra',
  /** The honeypot: hidden from people, filled by bots that fill every field. */
  trap: 'trang_ca_nhan',
  files: 'tep_dinh_kem',
} as const;

export type FormKey = Exclude<keyof typeof FORM_FIELDS, 'files'>;

/** What was typed, as strings (the form is shown again with it after an error). */
export type FormValues = Partial<Record<FormKey, string>>;

export type FormErrors = Partial<Record<FormKey | 'files' | 'form', string>>;

export const LIMITS = { name: 100, address: 300, phone: 20, email: 200, subject: 200, content: 5000, contentMin: 10 } as const;
/** At most three attachments of 5 MB each: photos of a receipt or a scanned paper, not archives. */
export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The submission after the form's own checks (catalog and challenge are checked by the service). */
export interface CleanSubmission {
  name: string;
  address: string;
  phone: string;
  email: string | null;
  subject: string;
  content: string;
  procedureCode: string | null;
  consent: boolean;
}

/**
 * A Vietnamese phone number as digits, `+84…` written `0…`; undefined when it is not one.
 * Example: `normalizePhone('+84 912.345.678') === '0912345678'`.
 */
export function normalizePhone(input: string): string | undefined {
  const compact = input.replace(/[\s.\-()]/g, '').replace(/^\+?84(?=\d{9,10}$)/, '0');
  return /^0\d{9,10}$/.test(compact) ? compact : undefined;
}

/** The digits a sender types to look up their feedback: the phone number's last four. */
export function phoneTail(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}

/** Text as stored: NFC, runs of spaces joined, but line breaks of a long text kept. */
function cleanMultiline(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t\f\v]+/g, ' ').trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Checks the typed values; every problem is a Vietnamese message next to its field. */
export function checkForm(v: FormValues): { clean?: CleanSubmission; errors: FormErrors } {
  const errors: FormErrors = {};
  const text = (k: FormKey) => normalizeText(v[k] ?? '');
  const required = (k: FormKey, label: string, max: number) => {
    const t = text(k);
    if (!t) errors[k] = `Hãy nhập ${label}.`;
    else if ([...t].length > max) errors[k] = `${label[0]!.toUpperCase()}${label.slice(1)} không được quá ${max} ký tự.`;
    return t;
  };
  const name = required('name', 'họ và tên', LIMITS.name);
  const address = required('address', 'địa chỉ liên hệ', LIMITS.address);
  const subject = required('subject', 'tiêu đề', LIMITS.subject);
  const phoneText = text('phone');
  const phone = normalizePhone(phoneText);
  if (!phoneText) errors.phone = 'Hãy nhập số điện thoại để cơ quan liên hệ khi cần.';
  else if (!phone) errors.phone = 'Số điện thoại chưa đúng (10 hoặc 11 chữ số, ví dụ 0912 345 678).';
  const email = text('email');
  if (email && ([...email].length > LIMITS.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) errors.email = 'Địa chỉ email chưa đúng (ví dụ ten@example.vn).';
  const content = cleanMultiline(v.content ?? '');
  if (!content) errors.content = 'Hãy nhập nội dung phản ánh, kiến nghị.';
  else if ([...content].length < LIMITS.contentMin) errors.content = `Nội dung quá ngắn: hãy trình bày ít nhất ${LIMITS.contentMin} ký tự.`;
  else if ([...content].length > LIMITS.content) errors.content = `Nội dung không được quá ${LIMITS.content} ký tự (hiện có ${[...content].length}).`;
  if (!text('answer')) errors.answer = 'Hãy trả lời câu hỏi kiểm tra.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    clean: { name, address, phone: phone!, email: email || null, subject, content, procedureCode: text('procedure') || null, consent: v.consent === 'co' },
  };
}
