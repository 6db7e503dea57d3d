import { Tag } from 'antd';
import { TAG_COLORS } from '../layout/theme';

export function RoleTags({ roles, roleLabel }: { roles: readonly string[]; roleLabel: (code: string) => string }) {
  if (!roles.length) return <span>—</span>;
  return (
    <>
      {roles.map((code) => (
        <Tag key={code} color={TAG_COLORS.blue}>
          {roleLabel(code)}
        </Tag>
      ))}
    </>
  );
}
