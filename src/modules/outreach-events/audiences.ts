/** The configurable list of audiences: the defaults until an agency saves its own. */
import type { Database } from '../../db/database.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { slugify } from '../../platform/slug.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import type { EventsDeps } from './deps.ts';
import { eventsPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { AudiencesInputValue } from './schema.ts';
import { DEFAULT_AUDIENCES } from './vocabulary.ts';

export async function ensureAudiences(database: Database, agencyId: string): Promise<{ code: string; label: string }[]> {
  const rows = await repo.listAudiences(database.db, agencyId);
  return rows.length > 0 ? rows.map((r) => ({ code: r.code, label: r.label })) : DEFAULT_AUDIENCES.map((a) => ({ ...a }));
}

export function createAudiences({ database, audit }: EventsDeps) {
  return {
    /**
     * Replaces the list. A kept entry keeps its code (events store codes), a new one gets a
     * code from its label; events that use a removed code keep it and show it as is.
     */
    async save(actor: Actor | undefined, input: AudiencesInputValue) {
      const a = authorize(actor, eventsPolicy, 'events.areas');
      const rows = input.audiences.map((x, position) => {
        const label = normalizeText(x.label).trim();
        if (!label) throw new BadRequestError('Tên đối tượng không được để trống.');
        const code = x.code?.trim() || slugify(label).replace(/-/g, '_').slice(0, 40);
        if (!code) throw new BadRequestError(`Không tạo được mã cho đối tượng "${label}".`);
        return { agency_id: a.agencyId, code, label, position };
      });
      if (new Set(rows.map((r) => r.code)).size !== rows.length) throw new BadRequestError('Danh sách có hai đối tượng trùng mã hoặc trùng tên.');
      const before = await ensureAudiences(database, a.agencyId);
      await database.transaction(async (trx) => {
        await repo.replaceAudiences(trx, a.agencyId, rows);
        await audit.record(trx, a, { action: 'update', entity: 'event_audiences', entityId: a.agencyId, before, after: rows.map((r) => ({ code: r.code, label: r.label })) });
      });
      return rows.map((r) => ({ code: r.code, label: r.label }));
    },
  };
}
