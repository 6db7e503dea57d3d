/**
 * The satisfaction index, computed like SIPAS: for each element, the share of its answers that
 * are "Hài lòng" or "Rất hài lòng" (4 or 5 of 5), in per cent; the overall index is the mean of
 * the elements that have answers. The mean score (1–5) is given beside it. Pure.
 */
import type { SurveyElement } from '../../db/types.ts';
import { ELEMENTS, SATISFIED_FROM } from './elements.ts';

export interface ElementScore {
  element: SurveyElement;
  label: string;
  answers: number;
  satisfied: number;
  /** 0–100, null without answers. */
  index: number | null;
  /** 1–5, null without answers. */
  mean: number | null;
}

export interface Satisfaction {
  elements: ElementScore[];
  /** Mean of the element indices that have answers, 0–100; null when none has. */
  index: number | null;
}

/** Method text shown on the public results page (one place, so page and code agree). */
export const METHOD_TEXT = [
  'Mỗi câu hỏi có 5 mức: Rất không hài lòng, Không hài lòng, Bình thường, Hài lòng, Rất hài lòng. Câu trả lời ở mức "Hài lòng" hoặc "Rất hài lòng" được tính là hài lòng.',
  'Chỉ số hài lòng của mỗi yếu tố = số câu trả lời hài lòng của các câu hỏi thuộc yếu tố đó / tổng số câu trả lời của các câu hỏi đó × 100 %.',
  'Chỉ số hài lòng chung = trung bình cộng chỉ số của các yếu tố có câu trả lời (cách tính theo mô hình Chỉ số SIPAS của Bộ Nội vụ, gồm 5 yếu tố: tiếp cận dịch vụ, thủ tục hành chính, công chức giải quyết công việc, kết quả giải quyết công việc, tiếp nhận và xử lý góp ý, phản ánh, kiến nghị).',
  'Điểm trung bình của mỗi yếu tố là trung bình các câu trả lời theo thang 1 (rất không hài lòng) đến 5 (rất hài lòng).',
] as const;

export function satisfaction(answers: readonly { element: SurveyElement; value: number }[]): Satisfaction {
  const elements = ELEMENTS.map(({ key, label }): ElementScore => {
    const mine = answers.filter((a) => a.element === key);
    const satisfied = mine.filter((a) => a.value >= SATISFIED_FROM).length;
    const sum = mine.reduce((s, a) => s + a.value, 0);
    return { element: key, label, answers: mine.length, satisfied, index: mine.length ? (satisfied / mine.length) * 100 : null, mean: mine.length ? sum / mine.length : null };
  });
  const scored = elements.filter((e) => e.index !== null);
  return { elements, index: scored.length ? scored.reduce((s, e) => s + e.index!, 0) / scored.length : null };
}
