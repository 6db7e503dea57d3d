import type { FeedbackTable } from '../../db/types.ts';
import { newId } from '../../db/sql-helpers.ts';
import { addWorkingDays } from '../../platform/working-days.ts';
import { foldVi, todayVi } from '../../platform/vi-text.ts';
import type { OrgService } from '../org/service.ts';
import { deadlinesFor } from './deadlines.ts';
import { searchKey } from './handling.ts';
import type { FeedbackService } from './service.ts';
import { newTrackingCode } from './tracking-code.ts';

interface DemoItem {
  subject: string;
  content: string;
  /** Working days ago it arrived. */
  age: number;
  status: 'received' | 'assigned' | 'answered' | 'approved' | 'published';
  consent: boolean;
  answer?: string;
}

/**
 * Demo feedback: every sender, subject and answer says "mẫu", so none passes for a real citizen's
 * feedback or a real answer of the agency. One of each stage, dated back from today so the admin
 * shows an overdue item and the portal a published answer.
 */
const DEMO_ITEMS: DemoItem[] = [
  {
    subject: 'Hỏi về thời hạn giải quyết hồ sơ công nhận người có uy tín (mẫu)',
    content: 'Đây là phản ánh mẫu để dùng thử. Tôi muốn biết hồ sơ đề nghị công nhận người có uy tín được giải quyết trong bao lâu và tra cứu kết quả ở đâu.',
    age: 15, status: 'published', consent: true,
    answer: 'Đây là câu trả lời mẫu để dùng thử, không phải văn bản trả lời chính thức. Thời hạn giải quyết của từng thủ tục được ghi tại trang thủ tục trong mục "Thủ tục hành chính" của cổng; ông/bà có thể tra cứu tình trạng hồ sơ bằng mã biên nhận tại Bộ phận Một cửa.',
  },
  {
    subject: 'Đề nghị niêm yết thủ tục bằng tiếng dân tộc tại nhà văn hoá thôn (mẫu)',
    content: 'Đây là kiến nghị mẫu để dùng thử: đề nghị cơ quan niêm yết các thủ tục thường gặp tại nhà văn hoá thôn, có bản dịch tiếng dân tộc thiểu số.',
    age: 12, status: 'approved', consent: false,
    answer: 'Đây là câu trả lời mẫu để dùng thử: cơ quan ghi nhận kiến nghị và sẽ xem xét khi xây dựng kế hoạch tuyên truyền năm sau.',
  },
  {
    subject: 'Phản ánh việc chậm trả kết quả hồ sơ (mẫu)',
    content: 'Đây là phản ánh mẫu để dùng thử: hồ sơ nộp đã quá hạn trên giấy biên nhận nhưng chưa nhận được kết quả.',
    age: 12, status: 'assigned', consent: true,
  },
  {
    subject: 'Hỏi về hồ sơ trực tuyến (mẫu)',
    content: 'Đây là câu hỏi mẫu để dùng thử: thủ tục nào của cơ quan có thể nộp trực tuyến toàn trình?',
    age: 1, status: 'received', consent: true,
  },
];

const STEPS = ['assign', 'answer', 'approve', 'publish'] as const;
const ORDER = ['received', 'assigned', 'answered', 'approved', 'published'] as const;

/** Loads the demo feedback into an agency that has none; returns how many were written. */
export async function seedDemoFeedback(services: { feedback: FeedbackService; org: Pick<OrgService, 'unitDirectory'> }, agencyId: string): Promise<number> {
  if (await services.feedback.hasFeedback(agencyId)) return 0;
  const { units } = await services.org.unitDirectory(agencyId);
  const unit = units.find((u) => u.abbreviation === 'KH-TT') ?? units.find((u) => u.active);
  const today = todayVi();
  const year = Number(today.slice(0, 4));
  const rows: FeedbackTable[] = [];
  const events: Parameters<FeedbackService['writeDemo']>[2] = [];
  // A working day `n` days before today (approximately: weekends counted back the same way).
  const daysAgo = (n: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - Math.round(n * 7 / 5));
    return d.toISOString().slice(0, 10);
  };
  DEMO_ITEMS.forEach((item, i) => {
    const id = newId();
    const day = daysAgo(item.age);
    const at = (offset: number) => `${addWorkingDays(day, offset)}T02:${String(10 + i).padStart(2, '0')}:00.000Z`;
    const stage = ORDER.indexOf(item.status);
    const due = deadlinesFor(day);
    const question = item.content;
    const code = newTrackingCode(year);
    const senderName = `Người gửi mẫu ${i + 1}`;
    rows.push({
      id, agency_id: agencyId, code, status: item.status, search_key: searchKey({ code, subject: item.subject, sender_name: senderName }),
      sender_name: senderName, sender_address: 'Địa chỉ mẫu', sender_phone: `090000000${i + 1}`, sender_email: null,
      subject: item.subject, content: item.content, procedure_code: null, procedure_name: null, consent_publish: item.consent ? 1 : 0,
      unit_id: stage >= 1 ? (unit?.id ?? null) : null,
      answer_text: stage >= 2 ? (item.answer ?? null) : null, answered_by: null, answered_at: stage >= 2 ? at(5) : null,
      approved_by: null, approved_at: stage >= 3 ? at(7) : null,
      public_question: stage >= 4 ? question : null, search_text: stage >= 4 ? foldVi(`${item.subject} ${question} ${item.answer ?? ''}`) : null,
      published_at: stage >= 4 ? at(8) : null, closed_at: null,
      assign_due_on: due.assignDueOn, answer_due_on: due.answerDueOn, is_demo: 1, received_at: `${day}T02:0${i}:00.000Z`, updated_at: at(Math.min(stage * 2, 8)),
    });
    events.push({ feedbackId: id, action: 'receive', from: null, to: 'received', at: `${day}T02:0${i}:00.000Z` });
    STEPS.slice(0, stage).forEach((action, k) => events.push({ feedbackId: id, action, from: ORDER[k]!, to: ORDER[k + 1]!, at: at([1, 5, 7, 8][k]!), note: action === 'assign' ? 'Giao phòng xử lý (mẫu)' : undefined }));
  });
  await services.feedback.writeDemo(agencyId, rows, events, { system: 'seed', agencyId });
  return rows.length;
}
