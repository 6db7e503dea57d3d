/** What /api/feedback answers (src/modules/feedback/schema.ts). */
export type FeedbackStatus = 'received' | 'assigned' | 'answered' | 'approved' | 'published' | 'closed';
export type FeedbackAction = 'assign' | 'answer' | 'return' | 'approve' | 'publish' | 'close';

export interface FeedbackItem {
  id: string;
  code: string;
  subject: string;
  status: FeedbackStatus;
  statusLabel: string;
  unitId: string | null;
  unitName: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  consentPublish: boolean;
  receivedAt: string;
  assignDueOn: string;
  answerDueOn: string;
  overdue: 'assign' | 'answer' | null;
  isDemo: boolean;
}

export interface FeedbackDetail extends FeedbackItem {
  sender: { name: string; address: string; phone: string; email: string | null };
  content: string;
  answerText: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  publicQuestion: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  files: { id: string; name: string; mime: string; size: number }[];
  history: { id: string; action: string; label: string; note: string | null; actorName: string; at: string }[];
  actions: FeedbackAction[];
}

export const STATUS_OPTIONS: { value: FeedbackStatus; label: string }[] = [
  { value: 'received', label: 'Mới tiếp nhận' },
  { value: 'assigned', label: 'Đã chuyển đơn vị xử lý' },
  { value: 'answered', label: 'Chờ lãnh đạo duyệt' },
  { value: 'approved', label: 'Đã duyệt trả lời' },
  { value: 'published', label: 'Đã công khai' },
  { value: 'closed', label: 'Đã kết thúc' },
];

export const feedbackPath = (id: string) => `/feedback/${id}`;
