import { Card, Descriptions } from 'antd';
import { Navigate } from 'react-router';
import { useMe } from '../auth/me-context';
import { DemoTag } from '../components/demo-tag';
import { Page } from '../components/page';
import { RoleTags } from '../components/role-tags';
import { useRoles } from '../hooks/use-roles';

export function OverviewPage() {
  const me = useMe();
  const { roleLabel } = useRoles();
  // The province's overseer (Sở Nội vụ) starts on the province view, not on its own department's.
  if (me.permissions.includes('oversight.read')) return <Navigate to="/province" replace />;
  return (
    <Page title="Tổng quan">
      <Card title={`Xin chào, ${me.fullName}`} extra={me.isDemo && <DemoTag />}>
        <Descriptions
          column={1}
          items={[
            { key: 'agency', label: 'Cơ quan', children: me.agency.name },
            ...(me.agency.parentName ? [{ key: 'parent', label: 'Cơ quan chủ quản', children: me.agency.parentName }] : []),
            { key: 'unit', label: 'Đơn vị', children: me.unit?.name ?? 'Chưa thuộc đơn vị nào' },
            { key: 'email', label: 'Email', children: me.email },
            { key: 'roles', label: 'Vai trò', children: <RoleTags roles={me.roles} roleLabel={roleLabel} /> },
          ]}
        />
      </Card>
    </Page>
  );
}
