import { TAG_COLORS } from '../../layout/theme';
import type { PlanStatus } from '../../plan-types';

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  approved: 'Đã phê duyệt',
  in_force: 'Đang thực hiện',
  closed: 'Đã kết thúc',
};

export const STATUS_COLORS: Record<PlanStatus, string | undefined> = {
  draft: undefined,
  approved: TAG_COLORS.blue,
  in_force: TAG_COLORS.green,
  closed: TAG_COLORS.purple,
};

/** Short labels of a task row's warnings; the long text explains what to do. */
export const FLAG_LABELS: Record<string, { label: string; hint: string }> = {
  lead_unmatched: { label: 'Chủ trì không khớp đơn vị', hint: 'Đơn vị chủ trì không khớp với đơn vị nào của cơ quan.' },
  coop_unmatched: { label: 'Phối hợp không khớp đơn vị', hint: 'Có đơn vị phối hợp không khớp với đơn vị nào của cơ quan.' },
  no_lead: { label: 'Chưa có chủ trì', hint: 'Chưa có đơn vị chủ trì.' },
  due_unparsed: { label: 'Chưa hiểu thời hạn', hint: 'Không hiểu được thời hạn ghi bằng chữ; hãy chọn ngày.' },
  no_due: { label: 'Chưa có thời hạn', hint: 'Chưa có thời gian hoàn thành.' },
};

/** Names of the fields a revision can change, as the diff shows them. */
export const FIELD_LABELS: Record<string, string> = {
  year: 'Năm',
  numberText: 'Số ký hiệu',
  place: 'Địa danh',
  signDate: 'Ngày ký',
  title: 'Trích yếu',
  theme: 'Chủ đề năm',
  status: 'Trạng thái',
  basis: 'Căn cứ',
  sections: 'Các mục',
  budgetText: 'Kinh phí',
  budgetLines: 'Dòng kinh phí',
  recipients: 'Nơi nhận',
  signer: 'Người ký',
  kind: 'Loại dòng',
  position: 'Vị trí',
  groupCode: 'Nhóm',
  code: 'TT',
  content: 'Nội dung',
  lead: 'Chủ trì',
  coop: 'Phối hợp',
  product: 'Kết quả/sản phẩm',
  targets: 'Chỉ tiêu',
  dueText: 'Thời gian hoàn thành',
  due: 'Hạn (đã hiểu)',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;
