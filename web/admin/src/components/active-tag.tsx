import { Tag } from 'antd';

export function ActiveTag({ active, inactiveText = 'Ngừng hoạt động' }: { active: boolean; inactiveText?: string }) {
  return active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>{inactiveText}</Tag>;
}
