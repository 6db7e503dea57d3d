import { Tag, Tooltip } from 'antd';
import { TAG_COLORS } from '../../../layout/theme';
import { balanceText } from './figures';

/** "Cân đối", or in red "Không cân đối" with the difference: settled + pending + returned + withdrawn ≠ carried over + received. */
export function BalanceTag({ balanced, difference }: { balanced: boolean; difference: number }) {
  if (balanced) return <Tag color={TAG_COLORS.green}>Cân đối</Tag>;
  return (
    <Tooltip title="Đã giải quyết + đang giải quyết + trả lại + rút phải bằng tồn kỳ trước + tiếp nhận.">
      <Tag color={TAG_COLORS.red}>Không cân đối: {balanceText(difference)}</Tag>
    </Tooltip>
  );
}
