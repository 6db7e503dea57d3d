import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError, ConflictError } from '../../platform/errors.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import type { PublishingDeps } from './deps.ts';
import { publishingPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { CategoryInputBody } from './schema.ts';
import { slugify } from '../../platform/slug.ts';
import { categoryView } from './views.ts';

/** The content themes of the CCHC communication plan, as the column's starting categories. */
export const DEFAULT_CATEGORIES = [
  { name: 'Tin cải cách hành chính', description: 'Tin tức, hoạt động cải cách hành chính của cơ quan.' },
  { name: 'Cải cách thủ tục hành chính và cơ chế một cửa', description: 'Thủ tục hành chính, cơ chế một cửa, một cửa liên thông.' },
  { name: 'Kết quả giải quyết thủ tục hành chính', description: 'Công khai kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính.' },
  { name: 'Mô hình, sáng kiến', description: 'Mô hình hay, cách làm hiệu quả, sáng kiến trong cải cách hành chính.' },
  { name: 'Chỉ số PAR Index, PCI, PAPI, SIPAS', description: 'Các chỉ số đánh giá cải cách hành chính, năng lực cạnh tranh, quản trị và sự hài lòng.' },
  { name: 'Chuyển đổi số và Đề án 06', description: 'Chuyển đổi số, Chính phủ số, Đề án 06 về dữ liệu dân cư và định danh điện tử.' },
  { name: 'ISO 9001:2015', description: 'Áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015.' },
  { name: 'An toàn thông tin', description: 'An toàn, an ninh thông tin; phản bác thông tin sai sự thật.' },
] as const;

export function createCategories({ database, audit, onPublicChange }: PublishingDeps) {
  const { db } = database;

  async function list(agencyId: string) {
    const [rows, counts] = await Promise.all([repo.listCategories(db, agencyId), repo.publishedCountByCategory(db, agencyId)]);
    return rows.map((c) => categoryView(c, counts.get(c.id) ?? 0));
  }

  async function checkSlug(agencyId: string, slug: string, ownId?: string) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) throw new BadRequestError('Đường dẫn chuyên mục chỉ gồm chữ thường không dấu, số và dấu gạch ngang.');
    const other = await repo.findCategoryBySlug(db, agencyId, slug);
    if (other && other.id !== ownId) throw new ConflictError(`Đường dẫn "${slug}" đã dùng cho chuyên mục "${other.name}".`);
  }

  /** Creates the default categories an agency lacks (matched by slug); seed and admin use it. */
  async function ensureDefaultsAs(agencyId: string, by: Actor | { system: string; agencyId: string }) {
    const existing = new Set((await repo.listCategories(db, agencyId)).map((c) => c.slug));
    const missing = DEFAULT_CATEGORIES.map((c, i) => ({ ...c, slug: slugify(c.name), position: (i + 1) * 10 })).filter((c) => !existing.has(c.slug));
    if (missing.length === 0) return 0;
    await database.transaction(async (trx) => {
      const now = nowIso();
      for (const c of missing) {
        const id = newId();
        await repo.insertCategory(trx, { id, agency_id: agencyId, slug: c.slug, name: c.name, description: c.description, position: c.position, active: 1, created_at: now, updated_at: now });
        await audit.record(trx, by, { action: 'create', entity: 'category', entityId: id, after: { name: c.name, slug: c.slug } });
      }
    });
    onPublicChange(agencyId);
    return missing.length;
  }

  return {
    async list(actor: Actor | undefined) {
      const a = authorize(actor, publishingPolicy, 'articles.read');
      return list(a.agencyId);
    },

    async create(actor: Actor | undefined, input: CategoryInputBody) {
      const a = authorize(actor, publishingPolicy, 'categories.write');
      const name = normalizeText(input.name);
      if (!name) throw new BadRequestError('Hãy nhập tên chuyên mục.');
      const slug = input.slug?.trim() || slugify(name);
      await checkSlug(a.agencyId, slug);
      const now = nowIso();
      const id = newId();
      await database.transaction(async (trx) => {
        await repo.insertCategory(trx, { id, agency_id: a.agencyId, slug, name, description: input.description ? normalizeText(input.description) : null, position: input.position ?? 0, active: input.active === false ? 0 : 1, created_at: now, updated_at: now });
        await audit.record(trx, a, { action: 'create', entity: 'category', entityId: id, after: { name, slug } });
      });
      onPublicChange(a.agencyId);
      return (await list(a.agencyId)).find((c) => c.id === id)!;
    },

    async update(actor: Actor | undefined, id: string, input: CategoryInputBody) {
      const row = await repo.findCategory(db, id);
      const a = authorize(actor, publishingPolicy, 'categories.write', row);
      const name = normalizeText(input.name);
      if (!name) throw new BadRequestError('Hãy nhập tên chuyên mục.');
      const slug = input.slug?.trim() || row!.slug;
      await checkSlug(a.agencyId, slug, id);
      const patch = { name, slug, description: input.description === undefined ? row!.description : input.description && normalizeText(input.description), position: input.position ?? row!.position, active: input.active === undefined ? row!.active : input.active ? 1 : 0, updated_at: nowIso() };
      await database.transaction(async (trx) => {
        await repo.updateCategory(trx, a.agencyId, id, patch);
        await audit.record(trx, a, { action: 'update', entity: 'category', entityId: id, before: { name: row!.name, slug: row!.slug, active: row!.active }, after: { name, slug, active: patch.active } });
      });
      onPublicChange(a.agencyId);
      return (await list(a.agencyId)).find((c) => c.id === id)!;
    },

    async createDefaults(actor: Actor | undefined) {
      const a = authorize(actor, publishingPolicy, 'categories.write');
      await ensureDefaultsAs(a.agencyId, a);
      return list(a.agencyId);
    },

    ensureDefaultsAs,
  };
}
