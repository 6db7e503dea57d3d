import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUniqueViolation } from '../db/conflict.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { DomainError, STATUS_TITLES, TooManyRequestsError } from './errors.ts';

/** Renders an error as a portal page; given by the wiring so platform stays free of portal code. */
export type ErrorPageRenderer = (request: FastifyRequest, status: number, message: string) => Promise<string> | string;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: unknown;
}

/**
 * The one error handler: domain errors keep their status and Vietnamese message; framework
 * errors (bad JSON, too large, validation) become clear 4xx; anything else is a logged 500
 * whose details never reach the client. API paths answer problem+json, others an HTML page.
 */
export function installErrorHandling(app: FastifyInstance, renderPage: ErrorPageRenderer): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, detail, errors } = classify(error);
    if (status === 503) {
      request.log.warn({ err: error.message }, 'database unavailable');
      reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS));
    } else if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ status, code: error.code ?? (error as Partial<DomainError>).code }, detail);
    if (error instanceof TooManyRequestsError && error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
    return send(request, reply, status, detail, errors, renderPage);
  });

  app.setNotFoundHandler(async (request, reply) =>
    send(request, reply, 404, isApi(request) ? `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}.` : 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.', undefined, renderPage),
  );
}

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (a path parameter longer than
 * the router allows, a malformed URL) otherwise answer Fastify's own English JSON. They get the
 * same Vietnamese problem or page as every other error; `pages.render` is set once the portal's
 * renderer exists (the option must be given when the app is created, before it).
 */
export function routingErrorHandler(pages: { render?: ErrorPageRenderer }) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
    const status = tooLong ? 414 : 400;
    const detail = tooLong ? 'Địa chỉ yêu cầu quá dài.' : 'Địa chỉ yêu cầu không hợp lệ.';
    request.log.info({ status, code: error.code }, detail);
    void Promise.resolve(send(request, reply, status, detail, undefined, pages.render ?? ((_request, _status, message) => message))).then((body) => reply.send(body));
  };
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/api' || !(request.headers.accept ?? '').includes('text/html');
}

async function send(request: FastifyRequest, reply: FastifyReply, status: number, detail: string, errors: unknown, renderPage: ErrorPageRenderer) {
  reply.code(status);
  if (!isApi(request)) {
    reply.type('text/html; charset=utf-8');
    return renderPage(request, status, detail);
  }
  const problem: Problem = { type: 'about:blank', title: STATUS_TITLES[status] ?? 'Lỗi', status, detail };
  if (errors !== undefined) problem.errors = errors;
  reply.type('application/problem+json; charset=utf-8');
  return JSON.stringify(problem);
}

/** How soon a client may try again while the database is unreachable. */
const DB_RETRY_AFTER_SECONDS = 10;

function classify(error: FastifyError): { status: number; detail: string; errors?: unknown } {
  if (error instanceof DomainError) return { status: error.status, detail: error.message, errors: error.details };
  if (isDatabaseUnavailable(error)) {
    return { status: 503, detail: 'Cơ sở dữ liệu tạm thời không truy cập được nên chưa xử lý được yêu cầu. Vui lòng thử lại sau ít phút.' };
  }
  if (isUniqueViolation(error)) {
    return { status: 409, detail: 'Dữ liệu này vừa được một yêu cầu khác tạo hoặc thay đổi (trùng khóa). Hãy tải lại trang rồi thử lại.' };
  }
  if (error.validation) {
    return {
      status: 400,
      detail: `Dữ liệu không hợp lệ: ${error.validation.map(describeValidation).join('; ')}.`,
      errors: error.validation.map((v) => ({ field: fieldOf(v), rule: v.keyword, message: describeValidation(v) })),
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, detail: 'Nội dung JSON gửi lên không hợp lệ.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, detail: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, detail: 'Kiểu nội dung gửi lên không được hỗ trợ; hãy gửi JSON (application/json).' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, detail: 'Độ dài nội dung không khớp với dữ liệu gửi lên.' };
  }
  if (error.statusCode === 429) return { status: 429, detail: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.' };
  if (error instanceof SyntaxError) return { status: 400, detail: 'Nội dung JSON gửi lên không hợp lệ.' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, detail: STATUS_TITLES[error.statusCode] ?? 'Yêu cầu không hợp lệ.' };
  }
  return { status: 500, detail: 'Đã có lỗi hệ thống. Vui lòng thử lại sau; nếu lỗi lặp lại, hãy báo quản trị viên.' };
}

type ValidationItem = NonNullable<FastifyError['validation']>[number];

function fieldOf(v: ValidationItem): string {
  const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = (v.params as { missingProperty?: string }).missingProperty;
  return [path, missing].filter(Boolean).join('.') || '(gốc)';
}

function describeValidation(v: ValidationItem): string {
  const field = fieldOf(v);
  const p = v.params as Record<string, unknown>;
  switch (v.keyword) {
    case 'required': return `thiếu trường "${field}"`;
    case 'type': return `"${field}" phải có kiểu ${String(p.type)}`;
    case 'minLength': return `"${field}" phải có ít nhất ${String(p.limit)} ký tự`;
    case 'maxLength': return `"${field}" không được quá ${String(p.limit)} ký tự`;
    case 'format': return `"${field}" không đúng định dạng ${String(p.format)}`;
    case 'enum':
    case 'anyOf':
    case 'const': return `"${field}" có giá trị không được chấp nhận`;
    case 'additionalProperties': return `trường "${String(p.additionalProperty)}" không được phép`;
    case 'minimum': return `"${field}" phải từ ${String(p.limit)} trở lên`;
    case 'maximum': return `"${field}" không được lớn hơn ${String(p.limit)}`;
    case 'minItems': return `"${field}" phải có ít nhất ${String(p.limit)} phần tử`;
    default: return `"${field}" không hợp lệ (${v.keyword})`;
  }
}
