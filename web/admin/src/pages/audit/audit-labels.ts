// Codes the server writes today; anything newer is shown as its code until it gets a label here.
const ACTION_LABELS: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Cập nhật',
  deactivate: 'Ngừng hoạt động',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  lock: 'Khóa tài khoản',
  reset_password: 'Đặt lại mật khẩu',
  change_password: 'Đổi mật khẩu',
};

const ENTITY_LABELS: Record<string, string> = {
  agency: 'Cơ quan',
  agency_name: 'Tên cơ quan',
  unit: 'Đơn vị',
  user: 'Người dùng',
  job: 'Công việc nền',
};

export const actionLabel = (code: string) => ACTION_LABELS[code] ?? code;
export const entityLabel = (code: string) => ENTITY_LABELS[code] ?? code;
