import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError, NotFoundError } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/store.ts';
import { acceptUpload } from '../../platform/media/sniff.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import { SOCIAL_SOURCE, type SocialDeps } from './deps.ts';
import { NETWORK_LABELS } from './limits.ts';
import { socialPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { ManualInputValue } from './schema.ts';

/** A screenshot is a picture of a post, never a large file. */
export const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024;

/** The manual channel: a post made by hand (on any network), recorded with its screenshot as evidence. */
export function createManualPosts(deps: SocialDeps) {
  const { database, audit, evidence } = deps;
  const { db } = database;

  return {
    async record(actor: Actor | undefined, input: ManualInputValue) {
      const a = authorize(actor, socialPolicy, 'social.record');
      if (!/^https?:\/\/[^\s]+$/i.test(input.url)) throw new BadRequestError('Địa chỉ bài đăng phải là địa chỉ http(s)://.');
      if (input.date > new Date().toISOString().slice(0, 10)) throw new BadRequestError('Ngày đăng không được sau hôm nay.');
      const bytes = input.screenshot ? Buffer.from(input.screenshot.base64, 'base64') : null;
      const sniffed = bytes ? acceptUpload(bytes, input.screenshot!.name, ['image'], SCREENSHOT_MAX_BYTES) : null;
      const title = normalizeText(input.title);
      const now = nowIso();
      const postId = newId();
      const id = newId();
      // Checks the plan, its tasks and that the date is within the plan's year, before any write.
      const recordEvidence = await evidence.prepareFromSource(a.agencyId, {
        source: { type: SOCIAL_SOURCE, id }, planId: input.planId, taskIds: input.taskIds, kind: 'social_post', date: input.date,
        unitId: a.unitId, title: `${NETWORK_LABELS[input.network]} (ghi tay): ${title}`, link: input.url, quantities: { posts: 1 },
      });
      await database.transaction(async (trx) => {
        const file = bytes ? await fileStore.save(trx, { agencyId: a.agencyId, name: input.screenshot!.name, mime: sniffed!.mime, bytes, createdBy: a.userId || null }) : null;
        await repo.insertPost(trx, { id: postId, agency_id: a.agencyId, article_id: null, title, link: input.url, image_url: null, plan_id: input.planId, task_ids: JSON.stringify(input.taskIds), unit_id: a.unitId, created_by: a.userId || null, created_at: now });
        await repo.insertDelivery(trx, {
          id, agency_id: a.agencyId, post_id: postId, channel_id: null, network: input.network, title, message: title, state: 'published', scheduled_at: null, network_side: 0, broadcast: 0,
          attempts: 0, attempt_started_at: null, next_attempt_at: null, remote_token: null, remote_id: null, remote_url: input.url, last_error: null, published_at: `${input.date}T00:00:00.000Z`,
          screenshot_file_id: file?.id ?? null, idempotency_key: `${postId}:manual`, created_by: a.userId || null, created_at: now, updated_at: now,
        });
        await recordEvidence(trx);
        await audit.record(trx, a, { action: 'record', entity: 'social_delivery', entityId: id, after: { network: input.network, url: input.url, date: input.date, taskIds: input.taskIds } });
      });
      return id;
    },

    async screenshot(actor: Actor | undefined, id: string) {
      const row = await repo.findDelivery(db, id);
      const a = authorize(actor, socialPolicy, 'social.read', row);
      const file = row!.screenshot_file_id ? await fileStore.content(db, a.agencyId, row!.screenshot_file_id) : undefined;
      if (!file) throw new NotFoundError('Bài đăng này không có ảnh chụp.');
      return file;
    },
  };
}
