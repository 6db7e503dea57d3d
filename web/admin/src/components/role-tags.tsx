import { Tag } from 'antd';

export function RoleTags({ roles, roleLabel }: { roles: readonly string[]; roleLabel: (code: string) => string }) {
  if (!roles.length) return <span>—</span>;
  return (
    <>
      {roles.map((code) => (
        <Tag key={code} color="blue">
          {roleLabel(code)}
        </Tag>
      ))}
    </>
  );
}
