import { Tag } from 'antd';
import { TAG_COLORS } from '../layout/theme';

/** Marks records (and sessions) that belong to the seeded sample data, not the agency's real data. */
export function DemoTag() {
  return <Tag color={TAG_COLORS.orange}>Dữ liệu mẫu</Tag>;
}
