import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../../portal/html.ts';
import { page, PAGE_NOT_FOUND, publicBase, type PageDeps, type PortalAgencyView } from '../../portal/page.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { FORM, SURVEY_PATHS } from './paths.ts';
import { RESULTS_TITLE, SURVEY_TITLE, surveyFormPage, surveyResultsPage, thanksPage } from './portal.ts';
import type { SurveyForm } from './submit.ts';
import type { SurveysPortalApi } from './service.ts';

type Fields = Record<string, string | string[] | undefined>;

export interface SurveysPortalDeps extends PageDeps {
  surveys: SurveysPortalApi;
}

/**
 * Answers per address: a desk kiosk shared by many citizens stays well inside it, a flood does
 * not (then 429, nothing written).
 */
export const SURVEY_RATE_LIMIT = { max: 30, timeWindow: 10 * 60_000 };

const NO_STORE = { noCache: true, cacheControl: 'no-store', noindex: true } as const;

function one(fields: Fields | undefined, name: string): string {
  const v = fields?.[name];
  return ((Array.isArray(v) ? v[0] : v) ?? '').toString();
}

/** The posted form as strings; unknown fields are ignored. */
export function surveyFormOf(fields: Fields | undefined): SurveyForm {
  const answers: Record<string, string> = {};
  for (const name of Object.keys(fields ?? {})) {
    if (name.startsWith(FORM.answerPrefix)) answers[name.slice(FORM.answerPrefix.length)] = one(fields, name).trim();
  }
  return { token: one(fields, FORM.token).trim(), procedureCode: one(fields, FORM.procedure).trim().slice(0, 60), answers, comment: one(fields, FORM.comment).slice(0, 10_000), honeypot: one(fields, FORM.honeypot) };
}

/** /khao-sat (form and POST), /khao-sat/cam-on, /khao-sat/ket-qua?nam= */
export async function surveysPortalRoutes(app: FastifyInstance, deps: SurveysPortalDeps) {
  // Scoped to these routes (this plugin is encapsulated), unless another part already parses forms.
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody, { bodyLimit: 64 * 1024 });
  const publicRoute = { config: { access: { public: true } }, schema: { hide: true } };

  const formPage = (req: FastifyRequest, reply: FastifyReply, code: string, extra: { sent?: SurveyForm; error?: { message: string; missing: string[] } } = {}) =>
    page(req, reply, deps, SURVEY_TITLE, async (a: PortalAgencyView) => {
      const form = await deps.surveys.form(a.id, code);
      return { title: SURVEY_TITLE, description: `Khảo sát mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của ${a.current.name}.`, main: surveyFormPage({ agencyName: a.current.name, ...form, ...extra }) };
    }, NO_STORE);

  app.get<{ Querystring: Fields }>(SURVEY_PATHS.form, publicRoute, (req, reply) => formPage(req, reply, one(req.query, FORM.procedure).trim().slice(0, 60)));

  app.post<{ Body: Fields }>(SURVEY_PATHS.form, {
    config: { access: { public: true, csrf: false }, rateLimit: SURVEY_RATE_LIMIT },
    schema: { hide: true },
  }, async (req, reply) => {
    const agency = await deps.org.portalAgency(req.hostname, deps.defaultAgency);
    if (!agency) throw new NotFoundError(PAGE_NOT_FOUND);
    const sent = surveyFormOf(typeof req.body === 'object' && req.body !== null ? req.body : undefined);
    const outcome = await deps.surveys.submit(agency.id, sent);
    if (outcome.ok) return reply.redirect(SURVEY_PATHS.thanks, 303);
    reply.code(outcome.status);
    return formPage(req, reply, sent.procedureCode, { sent, error: { message: outcome.message, missing: outcome.missing } });
  });

  app.get(SURVEY_PATHS.thanks, publicRoute, (req, reply) => page(req, reply, deps, 'Cảm ơn', async () => ({ title: 'Cảm ơn ông/bà đã trả lời khảo sát', main: thanksPage(), head: html`<meta name="robots" content="noindex">` })));

  app.get<{ Querystring: Fields }>(SURVEY_PATHS.results, publicRoute, (req, reply) => {
    const y = one(req.query, FORM.year).trim();
    if (y && !/^\d{4}$/.test(y)) throw new NotFoundError(PAGE_NOT_FOUND);
    const year = y ? Number(y) : undefined;
    if (year !== undefined && (year < 2000 || year > 2100)) throw new NotFoundError(PAGE_NOT_FOUND);
    return page(req, reply, deps, RESULTS_TITLE, async (a) => {
      const r = await deps.surveys.results(a.id, year);
      return {
        title: `${RESULTS_TITLE} năm ${r.year}`,
        description: `Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của ${a.current.name}, theo 5 yếu tố của mô hình SIPAS, theo lĩnh vực và thủ tục.`,
        main: surveyResultsPage(r),
        head: html`<link rel="canonical" href="${publicBase(req, deps.publicUrl)}${SURVEY_PATHS.results}?${FORM.year}=${r.year}">`,
      };
    }, { query: year ? `${FORM.year}=${year}` : '' });
  });
}
