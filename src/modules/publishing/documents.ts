import type { Transaction } from 'kysely';
import type { DB, LegalDocumentTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import type { PublishingDeps } from './deps.ts';
import { publishingPolicy } from './policy.ts';
import { paths } from './public-views.ts';
import * as repo from './repo.ts';
import type { LegalDocumentInputBody, LegalDocumentQueryInput } from './schema.ts';
import { slugify, uniqueSlug } from '../../platform/slug.ts';
import { documentView } from './views.ts';

export const DOCUMENT_SOURCE = 'document';

/** Legal documents (văn bản): listed and searchable on the portal. */
export function createLegalDocuments(deps: PublishingDeps) {
  const { database, audit, search, onPublicChange } = deps;
  const { db } = database;

  async function view(agencyId: string, rows: LegalDocumentTable[]) {
    const files = new Map((await repo.fileMeta(db, agencyId, rows.map((r) => r.file_id).filter((x): x is string => x !== null))).map((f) => [f.id, f]));
    return rows.map((r) => documentView(r, r.file_id ? files.get(r.file_id) : undefined));
  }

  async function clean(agencyId: string, input: LegalDocumentInputBody) {
    const fields = {
      number_symbol: normalizeText(input.numberSymbol), doc_type: normalizeText(input.docType), issuer: normalizeText(input.issuer), subject: normalizeText(input.subject),
      signed_on: input.signedOn, effective_on: input.effectiveOn ?? null, file_id: input.fileId ?? null, published: input.published === false ? 0 : 1,
    };
    if (!fields.number_symbol || !fields.subject || !fields.issuer || !fields.doc_type) throw new BadRequestError('Hãy điền số ký hiệu, loại, cơ quan ban hành và trích yếu.');
    if (Number.isNaN(Date.parse(fields.signed_on))) throw new BadRequestError('Ngày ký không hợp lệ.');
    if (fields.effective_on && fields.effective_on < fields.signed_on) throw new BadRequestError('Ngày hiệu lực không thể trước ngày ký.');
    if (fields.file_id) {
      const [file] = await repo.fileMeta(db, agencyId, [fields.file_id]);
      if (!file) throw new BadRequestError('Tệp văn bản không tồn tại.');
      if (!/^application\/(pdf|vnd\.openxmlformats-officedocument\.wordprocessingml\.document)$/.test(file.mime)) throw new BadRequestError('Tệp văn bản phải là PDF hoặc DOCX.');
    }
    return fields;
  }

  async function index(trx: Transaction<DB>, row: LegalDocumentTable) {
    if (row.published === 1) await search.upsert(trx, { agencyId: row.agency_id, kind: DOCUMENT_SOURCE, refId: row.id, title: `${row.doc_type} ${row.number_symbol}`, summary: row.subject, body: `${row.subject} ${row.issuer}`, url: paths.document(row.slug), publishedAt: `${row.signed_on}T00:00:00.000Z` });
    else await search.remove(trx, row.agency_id, DOCUMENT_SOURCE, row.id);
  }

  async function createAs(by: Actor | { system: string; agencyId: string }, agencyId: string, input: LegalDocumentInputBody, opts: { isDemo?: boolean } = {}) {
    const fields = await clean(agencyId, input);
    const slug = uniqueSlug(slugify(`${fields.doc_type} ${fields.number_symbol}`) || 'van-ban', await repo.documentSlugsLike(db, agencyId, slugify(`${fields.doc_type} ${fields.number_symbol}`)));
    const now = nowIso();
    const row: LegalDocumentTable = { id: newId(), agency_id: agencyId, slug, ...fields, is_demo: opts.isDemo ? 1 : 0, created_by: 'userId' in by ? by.userId : null, created_at: now, updated_at: now };
    await database.transaction(async (trx) => {
      await repo.insertDocument(trx, row);
      await index(trx, row);
      await audit.record(trx, by, { action: 'create', entity: 'legal_document', entityId: row.id, after: { numberSymbol: row.number_symbol, subject: row.subject } });
    });
    onPublicChange(agencyId);
    return (await view(agencyId, [row]))[0]!;
  }

  return {
    createAs,

    async list(actor: Actor | undefined, query: LegalDocumentQueryInput) {
      const a = authorize(actor, publishingPolicy, 'articles.read');
      const pageSize = query.pageSize ?? 20;
      const { items, total } = await repo.listDocuments(db, { agencyId: a.agencyId, publishedOnly: false, q: query.q?.trim() || undefined, docType: query.docType, year: query.year, limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize });
      return { total, items: await view(a.agencyId, items) };
    },

    async create(actor: Actor | undefined, input: LegalDocumentInputBody) {
      const a = authorize(actor, publishingPolicy, 'documents.write');
      return createAs(a, a.agencyId, input);
    },

    async update(actor: Actor | undefined, id: string, input: LegalDocumentInputBody) {
      const before = await repo.findDocument(db, id);
      const a = authorize(actor, publishingPolicy, 'documents.write', before);
      const fields = await clean(a.agencyId, input);
      const row = { ...before!, ...fields, updated_at: nowIso() };
      await database.transaction(async (trx) => {
        await repo.updateDocument(trx, a.agencyId, id, { ...fields, updated_at: row.updated_at });
        await index(trx, row);
        await audit.record(trx, a, { action: 'update', entity: 'legal_document', entityId: id, before: { numberSymbol: before!.number_symbol, subject: before!.subject, published: before!.published }, after: { numberSymbol: row.number_symbol, subject: row.subject, published: row.published } });
      });
      onPublicChange(a.agencyId);
      return (await view(a.agencyId, [row]))[0]!;
    },

    async remove(actor: Actor | undefined, id: string) {
      const before = await repo.findDocument(db, id);
      const a = authorize(actor, publishingPolicy, 'documents.write', before);
      await database.transaction(async (trx) => {
        await repo.deleteDocument(trx, a.agencyId, id);
        await search.remove(trx, a.agencyId, DOCUMENT_SOURCE, id);
        await audit.record(trx, a, { action: 'delete', entity: 'legal_document', entityId: id, before: { numberSymbol: before!.number_symbol, subject: before!.subject } });
      });
      onPublicChange(a.agencyId);
    },
  };
}
