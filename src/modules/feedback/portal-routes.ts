import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { page, PAGE_NOT_FOUND, type PageDeps, type PortalAgencyView } from '../../portal/page.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { assertNoNul } from '../../platform/input-guard.ts';
import { createChallenge } from './challenge.ts';
import { FORM_FIELDS, MAX_FILE_BYTES, MAX_FILES, type FormKey, type FormValues } from './form.ts';
import { answeredPage, answerPage, ANSWERED_TITLE } from './portal-answers.ts';
import { FORM_TITLE, formPage, LOOKUP_TITLE, lookupPage, sentPage, type FormPageParams } from './portal-form.ts';
import { feedbackPaths } from './paths.ts';
import type { FeedbackService } from './service.ts';
import { FeedbackFormError, type UploadedFile } from './submit.ts';

export interface FeedbackPortalDeps extends PageDeps {
  feedback: Pick<FeedbackService, 'portal' | 'submit'>;
  challengeSecret: string;
  /** Sendings per IP address in 10 minutes (then 429); a flood from one address never blocks others. */
  submitRateLimit: number;
}

type Query = Record<string, string | string[] | undefined>;
const one = (query: Query, name: string) => {
  const v = query[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};

/** The form carries a fresh challenge: rendered per request, never stored by any cache. */
const FRESH = { noCache: true, cacheControl: 'no-store' } as const;
/** A sender's own code or answer: also kept out of search engines. */
const PRIVATE = { ...FRESH, noindex: true } as const;
const FIELD_OF = new Map<string, FormKey>(Object.entries(FORM_FIELDS).map(([k, name]) => [name, k as FormKey]));

/**
 * The form has no session to protect (anyone may send feedback), so a cross-site post could do
 * nothing a visitor cannot do; still, a browser's post from another site is refused by Origin,
 * and every sending needs a fresh signed challenge from this site's own form.
 */
function refuseForeignOrigin(req: FastifyRequest, publicUrl: string | undefined) {
  const origin = req.headers.origin;
  if (!origin) return;
  const allowed = [`${req.protocol}://${req.host}`, publicUrl ? new URL(publicUrl).origin : undefined];
  if (!allowed.includes(origin)) throw new ForbiddenError('Yêu cầu đến từ nguồn không được phép.');
}

/** Reads the multipart form: fields as typed, files as bytes (a file over the limit comes back truncated, flagged). */
async function readForm(req: FastifyRequest): Promise<{ values: FormValues; files: UploadedFile[]; tooMany: boolean }> {
  const values: FormValues = {};
  const files: UploadedFile[] = [];
  let tooMany = false;
  if (!req.isMultipart()) {
    for (const [name, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) {
      const key = FIELD_OF.get(name);
      if (key && typeof v === 'string') values[key] = v;
    }
    return { values, files, tooMany };
  }
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        assertNoNul(part.filename);
        const bytes = await part.toBuffer();
        if (part.filename || bytes.length > 0) files.push({ name: part.filename || 'tệp', bytes, truncated: part.file.truncated });
      } else {
        const key = FIELD_OF.get(part.fieldname);
        // Multipart parts are read here, after the platform's NUL guard ran: the same check.
        assertNoNul(part.value);
        if (key && typeof part.value === 'string') values[key] = part.value;
      }
    }
  } catch (err) {
    // More files than allowed: busboy stops reading; what was read so far is shown again.
    if ((err as { code?: string }).code === 'FST_FILES_LIMIT') tooMany = true;
    else throw err;
  }
  return { values, files, tooMany };
}

/** Public feedback pages: the form, the page after sending, the lookup by code and the published answers. */
export async function feedbackPortalRoutes(app: FastifyInstance, deps: FeedbackPortalDeps) {
  const { feedback } = deps;
  // Form parsers only for these pages: the JSON API elsewhere keeps accepting JSON alone.
  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 16 * 1024 });
    await scope.register(multipart, { throwFileSizeLimit: false, limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES + 1, fields: 20, fieldSize: 64 * 1024, parts: 30, headerPairs: 100 } });

    const publicRoute = { access: { public: true } };
    const hide = { hide: true };

    const showForm = async (req: FastifyRequest, reply: FastifyReply, agency: PortalAgencyView, p: Omit<FormPageParams, 'procedures' | 'challenge'>) =>
      page(req, reply, deps, FORM_TITLE, async () => ({
        title: FORM_TITLE,
        description: `Gửi phản ánh, kiến nghị về quy định hành chính và thủ tục hành chính tới ${agency.current.name}.`,
        main: formPage({ ...p, procedures: await feedback.portal.procedureChoices(agency.id), challenge: createChallenge(deps.challengeSecret) }),
      }), FRESH);

    const agencyOf = async (req: FastifyRequest) => {
      const agency = await deps.org.portalAgency(req.hostname, deps.defaultAgency);
      if (!agency) throw new NotFoundError(PAGE_NOT_FOUND);
      return agency;
    };

    scope.get(feedbackPaths.form, { config: publicRoute, schema: hide }, async (req, reply) => showForm(req, reply, await agencyOf(req), { values: {}, errors: {} }));

    scope.post(feedbackPaths.form, {
      config: { access: { public: true, csrf: false }, rateLimit: { max: deps.submitRateLimit, timeWindow: 10 * 60_000 } },
      schema: hide,
    }, async (req, reply) => {
      refuseForeignOrigin(req, deps.publicUrl);
      const agency = await agencyOf(req);
      const { values, files, tooMany } = await readForm(req);
      try {
        if (tooMany) throw new FeedbackFormError(413, { files: `Chỉ được đính kèm tối đa ${MAX_FILES} tệp.` });
        const sent = await feedback.submit(agency.id, values, files);
        return page(req, reply, deps, 'Đã gửi phản ánh, kiến nghị', async () => sentPage(sent), PRIVATE);
      } catch (err) {
        if (!(err instanceof FeedbackFormError)) throw err;
        reply.code(err.status);
        // The answer to the old question and the honeypot are never sent back.
        const { answer: _a, token: _t, trap: _h, ...kept } = values;
        return showForm(req, reply, agency, { values: kept, errors: err.errors, hadFiles: files.length > 0 });
      }
    });

    scope.get(feedbackPaths.lookup, { config: publicRoute, schema: hide }, (req, reply) => page(req, reply, deps, LOOKUP_TITLE, async () => ({ title: LOOKUP_TITLE, main: lookupPage({}) }), PRIVATE));

    scope.post<{ Body: Record<string, string | undefined> }>(feedbackPaths.lookup, {
      config: { access: { public: true, csrf: false }, rateLimit: { max: 20, timeWindow: 10 * 60_000 } },
      schema: hide,
    }, async (req, reply) => {
      refuseForeignOrigin(req, deps.publicUrl);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const code = typeof body.ma === 'string' ? body.ma.slice(0, 40) : '';
      const digits = typeof body.so_cuoi === 'string' ? body.so_cuoi.slice(0, 10) : '';
      const agency = await agencyOf(req);
      if (!code.trim() || !digits.trim()) {
        reply.code(400);
        return page(req, reply, deps, LOOKUP_TITLE, async () => ({ title: LOOKUP_TITLE, main: lookupPage({ code, error: 'Hãy nhập mã phản ánh và 4 số cuối của số điện thoại đã khai khi gửi.' }) }), PRIVATE);
      }
      const result = await feedback.portal.lookup(agency.id, code, digits);
      // The same 404 for a wrong code, a wrong phone or another agency's code: nothing to enumerate.
      if (!result) reply.code(404);
      return page(req, reply, deps, LOOKUP_TITLE, async () => ({ title: LOOKUP_TITLE, main: lookupPage({ code, result: result ?? null }) }), PRIVATE);
    });

    scope.get<{ Querystring: Query }>(feedbackPaths.answered, { config: publicRoute, schema: hide }, async (req, reply) => {
      const q = one(req.query, 'q').slice(0, 200);
      const pageText = one(req.query, 'trang');
      if (pageText && !/^[1-9]\d{0,4}$/.test(pageText)) throw new NotFoundError(PAGE_NOT_FOUND);
      const n = pageText ? Number(pageText) : 1;
      return page(req, reply, deps, ANSWERED_TITLE, async (a) => {
        const list = await feedback.portal.answered(a.id, { q, page: n });
        if (n > list.pageCount) return undefined;
        return { title: ANSWERED_TITLE, description: `Câu trả lời phản ánh, kiến nghị của người dân, tổ chức gửi ${a.current.name}.`, main: answeredPage({ q, ...list }) };
      }, { query: new URLSearchParams({ ...(q ? { q } : {}), ...(n > 1 ? { trang: String(n) } : {}) }).toString(), ...(q ? { noCache: true } : {}) });
    });

    scope.get<{ Params: { id: string } }>(`${feedbackPaths.answered}/:id`, { config: publicRoute, schema: hide }, (req, reply) =>
      page(req, reply, deps, ANSWERED_TITLE, async (a) => {
        if (!/^[0-9a-f-]{36}$/.test(req.params.id)) return undefined;
        const answer = await feedback.portal.answer(a.id, req.params.id);
        return answer && { title: answer.subject, main: answerPage(answer) };
      }),
    );
  });
}
