/** An event's materials (documents, photos, attendance sheet): sniffed by content, stored as `files` rows. */
import { nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError, NotFoundError } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/store.ts';
import { acceptUpload, type UploadKind } from '../../platform/media/sniff.ts';
import type { EventsDeps } from './deps.ts';
import type { createEvents } from './events.ts';
import { eventsPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { MaterialInputValue } from './schema.ts';
import type { MaterialRole } from './vocabulary.ts';

/** Photos are images; documents and attendance sheets may also be a scan (image) or PDF/Word. */
const ALLOWED: Record<MaterialRole, UploadKind[]> = { photo: ['image'], material: ['pdf', 'docx', 'image'], attendance: ['pdf', 'docx', 'image'] };

export function createMaterials({ database, audit }: EventsDeps, events: Pick<ReturnType<typeof createEvents>, 'forChange' | 'get' | 'syncEvidenceFiles'>) {
  const { db } = database;
  return {
    async add(actor: Actor | undefined, eventId: string, input: MaterialInputValue) {
      const { a } = await events.forChange(actor, eventId);
      if (!/^[A-Za-z0-9+/=\s]*$/.test(input.base64)) throw new BadRequestError('Nội dung tệp không phải base64 hợp lệ.');
      const bytes = Buffer.from(input.base64, 'base64');
      const role = input.role as MaterialRole;
      const sniffed = acceptUpload(bytes, input.name, ALLOWED[role]);
      await database.transaction(async (trx) => {
        const stored = await fileStore.save(trx, { agencyId: a.agencyId, name: input.name, mime: sniffed.mime, bytes, createdBy: a.userId });
        await repo.addEventFile(trx, { agency_id: a.agencyId, event_id: eventId, file_id: stored.id, role, created_at: nowIso() });
        await repo.updateEvent(trx, a.agencyId, eventId, { updated_at: nowIso() });
        await events.syncEvidenceFiles(trx, a.agencyId, eventId);
        await audit.record(trx, a, { action: 'attach', entity: 'outreach_event', entityId: eventId, after: { file: stored.name, role, size: stored.size } });
      });
      return events.get(a, eventId);
    },

    async remove(actor: Actor | undefined, eventId: string, fileId: string) {
      const { a } = await events.forChange(actor, eventId);
      await database.transaction(async (trx) => {
        const removed = await repo.removeEventFile(trx, a.agencyId, eventId, fileId);
        if (Number(removed.numDeletedRows) === 0) throw new NotFoundError('Sự kiện không có tệp này.');
        await events.syncEvidenceFiles(trx, a.agencyId, eventId);
        await audit.record(trx, a, { action: 'detach', entity: 'outreach_event', entityId: eventId, after: { fileId } });
      });
      return events.get(a, eventId);
    },

    async content(actor: Actor | undefined, eventId: string, fileId: string) {
      const row = await repo.findEvent(db, eventId);
      const a = authorize(actor, eventsPolicy, 'events.read', row);
      const attached = await repo.listEventFiles(db, a.agencyId, [eventId]);
      if (!attached.some((f) => f.id === fileId)) throw new NotFoundError('Sự kiện không có tệp này.');
      return (await fileStore.content(db, a.agencyId, fileId))!;
    },
  };
}
