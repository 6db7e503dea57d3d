/**
 * The five elements of the SIPAS model (Chỉ số hài lòng về sự phục vụ hành chính, Bộ Nội vụ)
 * and the default questions under them, used until the agency edits its own. Answers are on a
 * five-point Likert scale.
 */
import type { SurveyElement } from '../../db/types.ts';

export const ELEMENTS: readonly { key: SurveyElement; label: string }[] = [
  { key: 'access', label: 'Tiếp cận dịch vụ' },
  { key: 'procedure', label: 'Thủ tục hành chính' },
  { key: 'officials', label: 'Công chức giải quyết công việc' },
  { key: 'result', label: 'Kết quả giải quyết công việc' },
  { key: 'feedback', label: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị' },
];

export const ELEMENT_LABELS = Object.fromEntries(ELEMENTS.map((e) => [e.key, e.label])) as Record<SurveyElement, string>;

export function isElement(v: string): v is SurveyElement {
  return v in ELEMENT_LABELS;
}

/** 1 … 5, as the SIPAS questionnaire words them. */
export const LIKERT = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'] as const;

/** An answer counts as satisfied from "Hài lòng" (4) up. */
export const SATISFIED_FROM = 4;

const DEFAULTS: Record<SurveyElement, string[]> = {
  access: [
    'Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi, sạch sẽ, thoáng mát.',
    'Trang thiết bị phục vụ người dân, tổ chức đầy đủ, dễ sử dụng.',
    'Dễ dàng tìm hiểu thông tin và cách nộp hồ sơ (trực tiếp, trực tuyến, qua bưu chính công ích).',
  ],
  procedure: [
    'Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác.',
    'Thành phần hồ sơ phải nộp đúng quy định.',
    'Phí, lệ phí phải nộp đúng quy định.',
    'Thời hạn giải quyết ghi trên giấy hẹn đúng quy định.',
  ],
  officials: [
    'Công chức có thái độ giao tiếp lịch sự.',
    'Công chức chú ý lắng nghe ý kiến của người dân, tổ chức.',
    'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu.',
    'Công chức tuân thủ đúng quy định trong giải quyết công việc.',
  ],
  result: [
    'Kết quả giải quyết đúng quy định.',
    'Kết quả có thông tin đầy đủ, chính xác.',
    'Kết quả được trả đúng hạn.',
  ],
  feedback: [
    'Có hình thức tiếp nhận góp ý, phản ánh, kiến nghị dễ thực hiện.',
    'Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý tích cực.',
    'Người dân, tổ chức được thông báo kết quả xử lý góp ý, phản ánh, kiến nghị kịp thời.',
  ],
};

export interface SurveyQuestion {
  id: string;
  element: SurveyElement;
  text: string;
}

/** The default questions, with ids stable across starts (answers refer to them). */
export const DEFAULT_QUESTIONS: readonly SurveyQuestion[] = ELEMENTS.flatMap((e) => DEFAULTS[e.key].map((text, i) => ({ id: `mac-dinh-${e.key}-${i + 1}`, element: e.key, text })));
