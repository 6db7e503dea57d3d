import type { Me } from './types';

/** One field's complaint from a 400 problem (server: `errors: [{field, rule, message}]`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A failed call; `message` is the server's Vietnamese `detail`, ready to show. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldProblems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

// The session's CSRF token arrives with /api/me and login; every write must echo it.
let csrfToken: string | undefined;

const LOGIN_PATH = '/admin/login';

/** A full page load to the login page, for when no router-aware handler is installed. */
export const reloadToLogin = () => window.location.assign(LOGIN_PATH);

// The signed-in layout installs a router-aware redirect; until then a full page load will do.
let onUnauthorized: () => void = reloadToLogin;

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function unauthorized(): void {
  // Parallel requests all fail once the session ends; only the first may redirect, or a late
  // one would reload the login page while the user is typing.
  if (window.location.pathname !== LOGIN_PATH) onUnauthorized();
}

/** Appends the non-empty query values to `path`; also the cache key of `useApiGet`. */
export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, url: string, body?: unknown, opts: { isLogin?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // An empty body with a JSON content type is a 400 for the server, so only real bodies declare one.
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken && !opts.isLogin) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.', 0);
  }

  if (!response.ok) {
    const error = await problemOf(response);
    // A wrong password at login is also a 401, and must stay on the form with its message.
    if (response.status === 401 && !opts.isLogin) unauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function problemOf(response: Response): Promise<ApiError> {
  const fallback = `Máy chủ trả lời lỗi ${response.status}. Vui lòng thử lại sau.`;
  if (!(response.headers.get('content-type') ?? '').includes('json')) return new ApiError(fallback, response.status);
  try {
    const problem = (await response.json()) as { title?: string; detail?: string; errors?: unknown };
    return new ApiError(problem.detail || problem.title || fallback, response.status, fieldProblemsOf(problem.errors));
  } catch {
    return new ApiError(fallback, response.status);
  }
}

function fieldProblemsOf(errors: unknown): FieldProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (e): e is FieldProblem => typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
  );
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string, query?: Query) => request<void>('DELETE', withQuery(path, query)),
};

export async function login(email: string, password: string): Promise<Me> {
  const { user } = await request<{ user: Me }>('POST', '/api/auth/login', { email, password }, { isLogin: true });
  csrfToken = user.csrfToken;
  return user;
}

export async function fetchMe(): Promise<Me> {
  const me = await request<Me>('GET', '/api/me');
  csrfToken = me.csrfToken;
  return me;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/api/auth/logout');
  } finally {
    csrfToken = undefined;
  }
}
