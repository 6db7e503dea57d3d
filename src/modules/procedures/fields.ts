import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import { slugify, uniqueSlug } from '../../platform/slug.ts';

/** The agency's fields (lĩnh vực), ordered by position then name. */
export function listFields(db: Executor, agencyId: string) {
  return db.selectFrom('procedure_fields').selectAll().where('agency_id', '=', agencyId).orderBy('position').orderBy('name').execute();
}

/** The id of the field named `name` (NFC, single-spaced), created when missing; inside the caller's transaction. */
export async function ensureField(trx: Executor, agencyId: string, name: string): Promise<string> {
  return (await ensureFieldRow(trx, agencyId, name)).id;
}

/** The field named `name` (id and slug), created when missing; inside the caller's transaction. */
export async function ensureFieldRow(trx: Executor, agencyId: string, name: string): Promise<{ id: string; slug: string }> {
  const clean = normalizeText(name);
  const existing = await trx.selectFrom('procedure_fields').select(['id', 'slug']).where('agency_id', '=', agencyId).where('name', '=', clean).executeTakeFirst();
  if (existing) return existing;
  const taken = new Set((await trx.selectFrom('procedure_fields').select('slug').where('agency_id', '=', agencyId).execute()).map((r) => r.slug));
  const id = newId();
  const slug = uniqueSlug(slugify(clean) || 'linh-vuc', taken);
  await trx.insertInto('procedure_fields').values({ id, agency_id: agencyId, name: clean, slug, position: taken.size * 10, created_at: nowIso() }).execute();
  return { id, slug };
}
