import { Tag } from 'antd';

/** Marks records (and sessions) that belong to the seeded sample data, not the agency's real data. */
export function DemoTag() {
  return <Tag color="orange">Dữ liệu mẫu</Tag>;
}
