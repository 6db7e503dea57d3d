import { Tag } from 'antd';
import { TAG_COLORS } from '../../layout/theme';

const COLORS: Record<string, string> = { full: TAG_COLORS.green, partial: TAG_COLORS.blue };

/** Mức độ dịch vụ công trực tuyến: toàn trình, một phần, or none. */
export function OnlineLevelTag({ level, label }: { level: string | null; label: string }) {
  return <Tag color={level ? COLORS[level] : undefined}>{label}</Tag>;
}
