import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../platform/auth/plugin.ts';
import { UnauthorizedError } from '../../platform/errors.ts';
import type { AuthService } from './auth-service.ts';
import { LoginInput, Me, PasswordChange } from './schema.ts';

/** Sign-in and the current user: /api/auth/*, /api/me. */
export async function authRoutes(app: FastifyInstance, opts: { auth: AuthService; secureCookies: boolean; loginRateLimit: { max: number; timeWindow: number } }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Đăng nhập'];

  r.post('/api/auth/login', {
    // No CSRF token exists before sign-in; SameSite cookies and the Origin check cover it.
    config: { access: { public: true, csrf: false }, rateLimit: opts.loginRateLimit },
    schema: { tags, summary: 'Đăng nhập bằng email và mật khẩu; trả về cookie phiên', body: LoginInput, response: { 200: Type.Object({ user: Me }) } },
    handler: async (req, reply) => {
      const { token, me } = await opts.auth.login({ ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
      setSessionCookie(reply, token, opts.secureCookies);
      return { user: me };
    },
  });

  r.post('/api/auth/logout', {
    config: { access: {} },
    schema: { tags, summary: 'Đăng xuất', response: { 204: Type.Null() } },
    handler: async (req, reply) => {
      await opts.auth.logout(actorOf(req), req.session!.id);
      clearSessionCookie(reply, opts.secureCookies);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/me', {
    config: { access: {} },
    schema: { tags, summary: 'Người dùng hiện tại, cơ quan, đơn vị, vai trò và quyền', response: { 200: Me } },
    handler: (req) => {
      if (!req.session) throw new UnauthorizedError();
      return opts.auth.me(actorOf(req), req.session.csrfToken);
    },
  });

  r.post('/api/me/password', {
    config: { access: {} },
    schema: { tags, summary: 'Đổi mật khẩu của mình', body: PasswordChange, response: { 204: Type.Null() } },
    handler: async (req, reply) => {
      await opts.auth.changePassword(actorOf(req), req.session!.id, req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  });
}
