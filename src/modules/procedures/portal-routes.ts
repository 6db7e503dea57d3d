import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseCsv, writeCsv } from '../../documents/procedures/catalog-csv.ts';
import { catalogToCsv, catalogToJson } from '../../documents/procedures/catalog-export.ts';
import { postingSheetPdf, type PostingSection, type PostingSheet } from '../../documents/procedures/posting-pdf.ts';
import { html } from '../../portal/html.ts';
import { page, PAGE_CACHE_CONTROL, PAGE_NOT_FOUND, publicBase, serve, type PortalAgencyView } from '../../portal/page.ts';
import type { PortalDeps } from '../../portal/routes.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDateVi, normalizeText, todayVi } from '../../platform/vi-text.ts';
import { pageHref } from '../publishing/portal.ts';
import type { SitemapEntry } from '../publishing/portal-feeds.ts';
import { procedurePath, procedurePaths } from './paths.ts';
import { CATALOG_PAGE_SIZE, catalogHead, catalogPage, catalogQuery, changesPage, type CatalogFilters } from './portal-catalog.ts';
import { procedurePage } from './portal-procedure.ts';
import { postingSheetPage } from './portal-sheets.ts';
import { CATALOG_TITLE, CHANGES_TITLE, decisionLabel, LEVEL_SLUGS, ONLINE_FILTERS, originLabel, PROCEDURE_QUERY as Q, type OnlineFilter } from './portal-text.ts';
import type { ProceduresPublicRead } from './public-read.ts';

type Query = Record<string, string | string[] | undefined>;

export type ProcedurePortalDeps = PortalDeps & { procedures: ProceduresPublicRead };

// Route patterns from the path builders (which encode the code, so the `:` is decoded back).
const ROUTES = {
  procedure: decodeURIComponent(procedurePath(':code')),
  sheet: decodeURIComponent(procedurePaths.postingSheet(':code')),
  sheetPdf: decodeURIComponent(procedurePaths.postingSheetPdf(':code')),
  fieldSheet: procedurePaths.fieldPostingSheet(':slug'),
  fieldSheetPdf: procedurePaths.fieldPostingSheetPdf(':slug'),
};

const NO_STORE = 'no-store';
const POSTING_PAGE_TITLE = 'Niêm yết thủ tục hành chính';
/** PDFs kept in memory, by the hash of what they print (so never stale); a sheet is rebuilt at most once at a time. */
const PDF_CACHE_ENTRIES = 32;

/** The first value of a query parameter, trimmed; '' when absent. */
function one(query: Query, name: string): string {
  const v = query[name];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
}

/** The catalog's filters; undefined (a 404) for a value the form never sends, so only real choices reach the page cache. */
export function catalogFilters(query: Query): CatalogFilters | undefined {
  const q = normalizeText(one(query, Q.q)).slice(0, 200);
  const field = one(query, Q.field);
  const level = one(query, Q.level);
  const online = one(query, Q.online);
  if ((field && !/^[a-z0-9-]{1,120}$/.test(field)) || (level && !LEVEL_SLUGS.has(level)) || (online && !(online in ONLINE_FILTERS))) return undefined;
  return { q: q || undefined, field: field || undefined, level: level || undefined, online: (online || undefined) as OnlineFilter | undefined };
}

/** `?ngay=`: null when absent, the day when it is a real YYYY-MM-DD date, undefined (a 404) otherwise. */
export function dayOf(query: Query): string | null | undefined {
  const v = one(query, Q.date);
  if (!v) return null;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
  return ok ? v : undefined;
}

/**
 * A spreadsheet opens a CSV cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
 * return) as a formula: such cells get a leading `'` in the public file. The catalog writer keeps
 * cells exact (its files are read back by the import); this is for open data only.
 */
export function neutraliseFormulas(csv: string): string {
  const { records } = parseCsv(csv.replace(/^\uFEFF/, ''), ',');
  return writeCsv(records.map((r) => r.cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
}

/** The catalog and every procedure in force, for the sitemap (the newsroom's sitemap merges these). */
export async function procedureSitemapEntries(read: ProceduresPublicRead, agencyId: string): Promise<SitemapEntry[]> {
  const { items } = await read.catalog(agencyId, { page: 1, pageSize: 100_000 });
  return [{ path: procedurePaths.catalog }, { path: procedurePaths.changes }, ...items.map((p) => ({ path: p.path, lastmod: `${p.effectiveFrom}T00:00:00.000Z` }))];
}

interface BuiltSheet {
  sheet: PostingSheet;
  title: string;
  back: { href: string; label: string };
  pdfPath: string;
  fileName: string;
}

/**
 * The public pages of administrative procedures: the catalog with search and filters, each
 * procedure (as of any day), the recent changes, open data, and the desk posting sheets in HTML
 * and PDF. Pages go through the portal's cache (tagged with the agency, so every change to the
 * catalog invalidates them), except searches and dated views.
 */
export async function procedurePortalRoutes(app: FastifyInstance, deps: ProcedurePortalDeps) {
  const read = deps.procedures;
  const publicRoute = { config: { access: { public: true } }, schema: { hide: true } };
  const base = (req: FastifyRequest) => publicBase(req, deps.publicUrl);

  app.get<{ Querystring: Query }>(procedurePaths.catalog, publicRoute, async (req, reply) => {
    const filters = catalogFilters(req.query);
    if (!filters) throw new NotFoundError(PAGE_NOT_FOUND);
    const n = pageNumber(req, reply, catalogQuery(filters));
    if (n === undefined) return reply;
    return page(req, reply, deps, CATALOG_TITLE, async (a) => {
      const fields = await read.fields(a.id);
      if (filters.field && !fields.some((f) => f.slug === filters.field)) return undefined;
      const result = await read.catalog(a.id, { q: filters.q, field: filters.field, level: filters.level && LEVEL_SLUGS.get(filters.level), online: filters.online && ONLINE_FILTERS[filters.online], page: n, pageSize: CATALOG_PAGE_SIZE });
      if (n > 1 && n > result.pageCount) return undefined;
      const p = { filters, fields, total: result.total, page: n, pageCount: result.pageCount, items: result.items };
      const title = `${filters.q ? `Tìm thủ tục: ${filters.q}` : CATALOG_TITLE}${n > 1 ? ` (trang ${n})` : ''}`;
      return { title, main: catalogPage(p), head: catalogHead(p, base(req) + pageHref(procedurePaths.catalog, catalogQuery(filters), n)) };
    }, filters.q ? { noCache: true, cacheControl: NO_STORE, noindex: true } : { query: pageHref('', catalogQuery(filters), n).slice(1) });
  });

  app.get(procedurePaths.changes, publicRoute, (req, reply) =>
    page(req, reply, deps, CHANGES_TITLE, async (a) => {
      const changes = await read.changes(a.id, 100);
      const lastModified = changes.reduce<string | null>((m, c) => (!m || c.recordedAt > m ? c.recordedAt : m), null);
      return { title: CHANGES_TITLE, main: changesPage(changes), head: html`<link rel="canonical" href="${base(req) + procedurePaths.changes}">`, lastModified };
    }),
  );

  app.get<{ Params: { code: string }; Querystring: Query }>(ROUTES.procedure, publicRoute, async (req, reply) => {
    const { code } = req.params;
    const day = dayOf(req.query);
    if (day === undefined || code.length > 60) throw new NotFoundError(PAGE_NOT_FOUND);
    return page(req, reply, deps, CATALOG_TITLE, async (a) => {
      const p = await read.procedure(a.id, code, day ?? undefined);
      if (!p) return undefined;
      const head = day ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${base(req) + p.path}">`;
      const description = `Thủ tục hành chính mã ${p.code}, lĩnh vực ${p.field}: trình tự, hồ sơ, thời hạn, phí, lệ phí và cách nộp.`;
      return { title: day ? `${p.name} (ngày ${formatDateVi(day)})` : p.name, description, main: procedurePage({ procedure: p, asOf: day ?? todayVi(), dated: day !== null }), head };
    }, day ? { noCache: true, cacheControl: NO_STORE, noindex: true } : {});
  });

  // ---- open data: cached and tagged like the pages, so a change of the catalog invalidates them.
  const openData = (path: string, type: string, ext: string, write: (list: Awaited<ReturnType<ProceduresPublicRead['openData']>>) => string) =>
    app.get(path, publicRoute, (req, reply) => {
      const headers = { 'content-disposition': contentDisposition(`thu-tuc-hanh-chinh-${todayVi()}.${ext}`), 'access-control-allow-origin': '*' };
      return serve(req, reply, deps, type, { headers }, async (a) => ({ text: write(await read.openData(a.id)) }));
    });
  openData(procedurePaths.openDataCsv, 'text/csv; charset=utf-8', 'csv', (list) => neutraliseFormulas(catalogToCsv(list)));
  openData(procedurePaths.openDataJson, 'application/json; charset=utf-8', 'json', catalogToJson);

  // ---- desk posting sheets: the same model printed as a web page and as PDF.
  const agencyOf = (a: PortalAgencyView) => ({ name: a.current.name, parentName: a.current.parentName, address: a.address, phone: a.phone, email: a.email });
  const sheetOf = (a: PortalAgencyView, req: FastifyRequest, subtitle: string | null, sections: PostingSection[]): PostingSheet =>
    ({ agency: agencyOf(a), printedOn: todayVi(), subtitle, feedbackUrl: base(req) + procedurePaths.feedback, sections });

  const procedureSheet = async (req: FastifyRequest<{ Params: { code: string } }>, a: PortalAgencyView): Promise<BuiltSheet | undefined> => {
    const p = req.params.code.length <= 60 ? await read.procedure(a.id, req.params.code) : undefined;
    // Only what is in force is posted at the desk.
    if (!p?.current) return undefined;
    const sections: PostingSection[] = [{ kind: 'procedure', procedure: p.data, effectiveFrom: p.effectiveFrom, url: base(req) + p.path, surveyUrl: base(req) + procedurePaths.survey(p.code) }];
    return { sheet: sheetOf(a, req, `Lĩnh vực: ${p.field}`, sections), title: `Niêm yết: ${p.name}`, back: { href: p.path, label: p.name }, pdfPath: procedurePaths.postingSheetPdf(p.code), fileName: `niem-yet-${p.code}.pdf` };
  };

  const fieldSheet = async (req: FastifyRequest<{ Params: { slug: string } }>, a: PortalAgencyView): Promise<BuiltSheet | undefined> => {
    const { slug } = req.params;
    const found = /^[a-z0-9-]{1,120}$/.test(slug) ? await read.fieldSheet(a.id, slug) : undefined;
    if (!found) return undefined;
    const sections: PostingSection[] = [
      { kind: 'contents', heading: `Danh mục gồm ${found.procedures.length} thủ tục hành chính`, items: found.procedures.map((p) => ({ code: p.code, name: p.name })), url: base(req) + procedurePaths.fieldCatalog(slug) },
      ...found.procedures.map((p): PostingSection => ({ kind: 'procedure', procedure: p.data, effectiveFrom: p.effectiveFrom, url: base(req) + p.path, surveyUrl: base(req) + procedurePaths.survey(p.code) })),
    ];
    return { sheet: sheetOf(a, req, `Lĩnh vực: ${found.field}`, sections), title: `Niêm yết: lĩnh vực ${found.field}`, back: { href: procedurePaths.fieldCatalog(slug), label: `Thủ tục lĩnh vực ${found.field}` }, pdfPath: procedurePaths.fieldPostingSheetPdf(slug), fileName: `niem-yet-linh-vuc-${slug}.pdf` };
  };

  /** What changed since the last desk posting: the list, then the full text of each changed procedure now in force. */
  const changesSheet = async (req: FastifyRequest, a: PortalAgencyView): Promise<BuiltSheet> => {
    const { lastPostedOn, changes } = await read.changesSincePosting(a.id);
    const subtitle = lastPostedOn ? `Các thay đổi từ lần niêm yết ngày ${formatDateVi(lastPostedOn)}` : 'Các thay đổi của danh mục (chưa ghi nhận lần niêm yết nào)';
    const rows = changes.map((c) => ({ effectiveFrom: c.effectiveFrom, change: originLabel(c.origin), code: c.code, name: c.name, decision: decisionLabel(c.decision, formatDateVi) }));
    const codes = [...new Set(changes.filter((c) => c.origin !== 'abolished').map((c) => c.code))];
    const inForce = (await Promise.all(codes.map((code) => read.procedure(a.id, code)))).filter((p) => p?.current);
    const sections: PostingSection[] = [
      { kind: 'changes', heading: `${rows.length} thay đổi`, rows, url: base(req) + procedurePaths.changes },
      ...inForce.map((p): PostingSection => ({ kind: 'procedure', procedure: p!.data, effectiveFrom: p!.effectiveFrom, url: base(req) + p!.path, surveyUrl: base(req) + procedurePaths.survey(p!.code) })),
    ];
    return { sheet: sheetOf(a, req, subtitle, sections), title: 'Niêm yết: thủ tục hành chính thay đổi', back: { href: procedurePaths.changes, label: CHANGES_TITLE }, pdfPath: procedurePaths.changesSheetPdf, fileName: `niem-yet-thay-doi-${todayVi()}.pdf` };
  };

  const sheetPage = <R extends FastifyRequest>(build: (req: R, a: PortalAgencyView) => Promise<BuiltSheet | undefined>, opts: { noCache?: boolean } = {}) =>
    (req: R, reply: FastifyReply) =>
      page(req, reply, deps, POSTING_PAGE_TITLE, async (a) => {
        const b = await build(req, a);
        return b && { title: b.title, main: postingSheetPage(b), head: html`<meta name="robots" content="noindex">` };
      }, { noindex: true, ...(opts.noCache ? { noCache: true, cacheControl: 'no-cache' } : {}) });

  const pdfs = new Map<string, Promise<Buffer>>();
  const sheetPdf = <R extends FastifyRequest>(build: (req: R, a: PortalAgencyView) => Promise<BuiltSheet | undefined>) =>
    async (req: R, reply: FastifyReply) => {
      const agency = await deps.org.portalAgency(req.hostname, deps.defaultAgency);
      const b = agency && (await build(req, agency));
      if (!b) throw new NotFoundError(PAGE_NOT_FOUND);
      const key = createHash('sha256').update(JSON.stringify(b.sheet)).digest('base64url').slice(0, 27);
      reply.type('application/pdf').header('cache-control', PAGE_CACHE_CONTROL).header('etag', `"${key}"`).header('x-robots-tag', 'noindex')
        .header('content-disposition', contentDisposition(b.fileName).replace(/^attachment/, 'inline'));
      if (String(req.headers['if-none-match'] ?? '').split(',').some((t) => t.trim().replace(/^W\//, '') === `"${key}"`)) return reply.code(304).send();
      let bytes = pdfs.get(key);
      if (!bytes) {
        if (pdfs.size >= PDF_CACHE_ENTRIES) pdfs.delete(pdfs.keys().next().value!);
        pdfs.set(key, (bytes = postingSheetPdf(b.sheet)));
        bytes.catch(() => pdfs.delete(key));
      }
      return reply.send(await bytes);
    };

  app.get<{ Params: { code: string } }>(ROUTES.sheet, publicRoute, sheetPage(procedureSheet));
  app.get<{ Params: { code: string } }>(ROUTES.sheetPdf, publicRoute, sheetPdf(procedureSheet));
  app.get<{ Params: { slug: string } }>(ROUTES.fieldSheet, publicRoute, sheetPage(fieldSheet));
  app.get<{ Params: { slug: string } }>(ROUTES.fieldSheetPdf, publicRoute, sheetPdf(fieldSheet));
  // The last posting is recorded without touching the page cache: this sheet is rendered each time.
  app.get(procedurePaths.changesSheet, publicRoute, sheetPage(changesSheet, { noCache: true }));
  app.get(procedurePaths.changesSheetPdf, publicRoute, sheetPdf(changesSheet));
}

/**
 * `?trang=`: 1 when absent. Page 1 and spellings like `02` redirect to the canonical address
 * (answering undefined); anything but a positive number is a 404.
 */
function pageNumber(req: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply, keep: Record<string, string | undefined>): number | undefined {
  const raw = one(req.query, Q.page);
  if (!raw) return 1;
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
  if (n < 1) throw new NotFoundError(PAGE_NOT_FOUND);
  if (n > 1 && String(n) === raw) return n;
  void reply.redirect(pageHref(procedurePaths.catalog, keep, n), 301);
  return undefined;
}
