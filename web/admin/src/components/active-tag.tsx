import { Tag } from 'antd';
import { TAG_COLORS } from '../layout/theme';

export function ActiveTag({ active, inactiveText = 'Ngừng hoạt động' }: { active: boolean; inactiveText?: string }) {
  return active ? <Tag color={TAG_COLORS.green}>Đang hoạt động</Tag> : <Tag>{inactiveText}</Tag>;
}
