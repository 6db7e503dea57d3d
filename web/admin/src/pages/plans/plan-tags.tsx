import { Tag, Tooltip } from 'antd';
import { TAG_COLORS } from '../../layout/theme';
import type { PlanStatus } from '../../plan-types';
import { FLAG_LABELS, STATUS_COLORS, STATUS_LABELS } from './plan-labels';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{STATUS_LABELS[status] ?? status}</Tag>;
}

/** A task row's warnings as orange tags; unknown codes show as they are. */
export function FlagTags({ flags }: { flags: readonly string[] }) {
  return (
    <>
      {flags.map((code) => {
        const flag = FLAG_LABELS[code];
        return (
          <Tooltip key={code} title={flag?.hint}>
            <Tag color={TAG_COLORS.orange}>{flag?.label ?? code}</Tag>
          </Tooltip>
        );
      })}
    </>
  );
}

/** Marks a unit name as written that matches none of the agency's units or groups. */
export function UnmatchedTag({ name }: { name?: string }) {
  return <Tag color={TAG_COLORS.orange}>{name ? `Không khớp đơn vị: ${name}` : 'Không khớp đơn vị'}</Tag>;
}
