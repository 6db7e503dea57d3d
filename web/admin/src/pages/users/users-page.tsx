import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth/me-context';
import { ActiveTag } from '../../components/active-tag';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { RoleTags } from '../../components/role-tags';
import { TemporaryPasswordModal } from '../../components/temporary-password-modal';
import { formatDateTime } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRoles } from '../../hooks/use-roles';
import { TAG_COLORS } from '../../layout/theme';
import type { Unit, User } from '../../types';
import { UserActions } from './user-actions';
import { UserFilters, type UserFilter } from './user-filters';
import { UserFormModal, type UserSaved } from './user-form-modal';

function isLocked(user: User): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
}

export function UsersPage() {
  const canWrite = useCan('org.users.write');
  const [filter, setFilter] = useState<UserFilter>({});
  const { data: users, loading, failed, reload } = useApiGet<User[]>('/api/users', { ...filter });
  const { data: units } = useApiGet<Unit[]>('/api/units');
  const { roles, roleLabel } = useRoles();
  const editor = useModalTarget<User>();
  const [temporaryPassword, setTemporaryPassword] = useState<string>();

  function saved({ temporaryPassword: password }: UserSaved) {
    reload();
    if (password) setTemporaryPassword(password);
  }

  const columns: TableColumnsType<User> = [
    {
      title: 'Họ tên',
      dataIndex: 'fullName',
      render: (name: string, user) => (
        <>
          {name} {user.isDemo && <DemoTag />}
        </>
      ),
    },
    { title: 'Email', dataIndex: 'email' },
    { title: 'Đơn vị', dataIndex: 'unitName', render: (name: string | null) => name ?? '—' },
    { title: 'Vai trò', dataIndex: 'roles', render: (codes: string[]) => <RoleTags roles={codes} roleLabel={roleLabel} /> },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, user) => (
        <>
          <ActiveTag active={user.active} inactiveText="Đã vô hiệu hóa" />
          {isLocked(user) && <Tag color={TAG_COLORS.red}>Tạm khóa đến {formatDateTime(user.lockedUntil)}</Tag>}
        </>
      ),
    },
    { title: 'Đăng nhập gần nhất', dataIndex: 'lastLoginAt', render: (at: string | null) => formatDateTime(at) || 'Chưa đăng nhập' },
  ];
  if (canWrite) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      render: (_, user) => <UserActions user={user} onEdit={editor.openFor} onChanged={reload} onTemporaryPassword={setTemporaryPassword} />,
    });
  }

  return (
    <Page
      title="Người dùng"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => editor.openFor()}>
            Thêm người dùng
          </Button>
        )
      }
    >
      <Card>
        <UserFilters value={filter} onChange={setFilter} units={units ?? []} roles={roles} />
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={users ?? []}
          loading={loading}
          locale={emptyTextFor(failed)}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
        />
      </Card>
      <UserFormModal
        open={editor.open}
        user={editor.target}
        units={units ?? []}
        roles={roles}
        onClose={editor.close}
        onSaved={saved}
      />
      <TemporaryPasswordModal password={temporaryPassword} onClose={() => setTemporaryPassword(undefined)} />
    </Page>
  );
}
