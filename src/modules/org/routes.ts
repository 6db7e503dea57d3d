import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { Agency, AgencyPatch, NameVersionInput, PasswordReset, TemporaryPassword, Unit, UnitGroup, UnitInput, UnitPatch, User, UserInput, UserPatch, UserQuery } from './schema.ts';
import type { OrgService } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** Agency profile, units and users: /api/agency, /api/units, /api/unit-groups, /api/users. */
export async function orgRoutes(app: FastifyInstance, { org }: { org: OrgService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Tổ chức'];

  r.get('/api/agency', {
    config: { access: { permission: 'org.agency.read' } },
    schema: { tags, summary: 'Hồ sơ cơ quan và lịch sử tên gọi', response: { 200: Agency } },
    handler: (req) => org.getAgency(actorOf(req)),
  });
  r.patch('/api/agency', {
    config: { access: { permission: 'org.agency.write' } },
    schema: { tags, summary: 'Sửa thông tin liên hệ của cơ quan', body: AgencyPatch, response: { 200: Agency } },
    handler: (req) => org.updateAgency(actorOf(req), req.body),
  });
  r.post('/api/agency/names', {
    config: { access: { permission: 'org.agency.write' } },
    schema: { tags, summary: 'Thêm tên gọi mới có hiệu lực từ một ngày', body: NameVersionInput, response: { 201: Agency } },
    handler: async (req, reply) => reply.code(201).send(await org.addAgencyName(actorOf(req), req.body)),
  });

  r.get('/api/roles', {
    config: { access: { permission: 'org.units.read' } },
    schema: { tags, summary: 'Danh sách vai trò', response: { 200: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })) } },
    handler: () => org.roles(),
  });

  r.get('/api/units', {
    config: { access: { permission: 'org.units.read' } },
    schema: { tags, summary: 'Các đơn vị (phòng) của cơ quan', response: { 200: Type.Array(Unit) } },
    handler: (req) => org.listUnits(actorOf(req)),
  });
  r.post('/api/units', {
    config: { access: { permission: 'org.units.write' } },
    schema: { tags, summary: 'Thêm đơn vị', body: UnitInput, response: { 201: Unit } },
    handler: async (req, reply) => reply.code(201).send(await org.createUnit(actorOf(req), req.body)),
  });
  r.get('/api/units/:id', {
    config: { access: { permission: 'org.units.read' } },
    schema: { tags, summary: 'Một đơn vị', params: IdParams, response: { 200: Unit } },
    handler: (req) => org.getUnit(actorOf(req), req.params.id),
  });
  r.patch('/api/units/:id', {
    config: { access: { permission: 'org.units.write' } },
    schema: { tags, summary: 'Sửa hoặc ngừng hoạt động đơn vị', params: IdParams, body: UnitPatch, response: { 200: Unit } },
    handler: (req) => org.updateUnit(actorOf(req), req.params.id, req.body),
  });
  r.get('/api/unit-groups', {
    config: { access: { permission: 'org.units.read' } },
    schema: { tags, summary: 'Nhóm đơn vị (như "Các phòng chuyên môn")', response: { 200: Type.Array(UnitGroup) } },
    handler: (req) => org.listUnitGroups(actorOf(req)),
  });

  r.get('/api/users', {
    config: { access: { permission: 'org.users.read' } },
    schema: { tags, summary: 'Người dùng của cơ quan', querystring: UserQuery, response: { 200: Type.Array(User) } },
    handler: (req) => org.listUsers(actorOf(req), req.query),
  });
  r.post('/api/users', {
    config: { access: { permission: 'org.users.write' } },
    schema: { tags, summary: 'Thêm người dùng (mật khẩu tạm được sinh nếu không nhập)', body: UserInput, response: { 201: Type.Object({ user: User, temporaryPassword: Type.Optional(Type.String()) }) } },
    handler: async (req, reply) => reply.code(201).send(await org.createUser(actorOf(req), req.body)),
  });
  r.get('/api/users/:id', {
    config: { access: { permission: 'org.users.read' } },
    schema: { tags, summary: 'Một người dùng', params: IdParams, response: { 200: User } },
    handler: (req) => org.getUser(actorOf(req), req.params.id),
  });
  r.patch('/api/users/:id', {
    config: { access: { permission: 'org.users.write' } },
    schema: { tags, summary: 'Sửa, đổi vai trò, vô hiệu hóa người dùng', params: IdParams, body: UserPatch, response: { 200: User } },
    handler: (req) => org.updateUser(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/users/:id/reset-password', {
    config: { access: { permission: 'org.users.write' } },
    schema: { tags, summary: 'Đặt lại mật khẩu (quản trị)', params: IdParams, body: Type.Optional(PasswordReset), response: { 200: TemporaryPassword } },
    handler: (req) => org.resetPassword(actorOf(req), req.params.id, req.body?.password),
  });
}
