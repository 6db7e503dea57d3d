import type { SocialChannelTable, SocialDeliveryTable, SocialPostTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError, ConflictError, DomainError, NotFoundError } from '../../platform/errors.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import type { Channels } from './channels.ts';
import type { Delivery } from './deliver.ts';
import { SOCIAL_SOURCE, type SocialDeps } from './deps.ts';
import { deliveryView } from './delivery-view.ts';
import { canSend } from './health.ts';
import { SocialApiError } from './http.ts';
import { charCount, limitProblems, NETWORK_LIMITS } from './limits.ts';
import { socialPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { ComposeInputValue, DeliveryQueryInput } from './schema.ts';

/** Facebook accepts `scheduled_publish_time` from 10 minutes to 30 days ahead. */
const FACEBOOK_SCHEDULE_MIN_MS = 10 * 60_000;
const FACEBOOK_SCHEDULE_MAX_MS = 30 * 86_400_000;

const absolute = (base: string, path: string) => (/^https?:\/\//.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`);
const isHttpUrl = (u: string) => /^https?:\/\/[^\s]+$/i.test(u);

/** Cross-posting: compose (from an article or free), previews with limits, schedule, list, retry, delete. */
export function createPosts(deps: SocialDeps, channels: Channels, delivery: Delivery) {
  const { database, audit, plans, articles, evidence, publicUrl } = deps;
  const { db } = database;

  /** What is shared: the article's title, public address and cover, or the free post's own. */
  async function source(a: Actor, input: ComposeInputValue) {
    if (input.articleId) {
      const art = await articles.get(a, input.articleId);
      if (art.status !== 'published') throw new BadRequestError('Chỉ chia sẻ được bài viết đã đăng trên Cổng.');
      const jpeg = art.cover?.variants.find((v) => /jpe?g/.test(v.mime ?? '')) ?? null;
      const cover = art.cover ? (jpeg?.url ?? art.cover.url) : null;
      return { articleId: art.id, title: art.title, link: absolute(publicUrl, art.publicPath), imageUrl: cover ? absolute(publicUrl, cover) : null, planId: art.planId, taskIds: art.taskIds };
    }
    const title = normalizeText(input.title ?? '');
    if (!title) throw new BadRequestError('Bài đăng tự do cần tiêu đề (dùng để quản lý và làm tiêu đề bài Zalo).');
    for (const [u, what] of [[input.link, 'Liên kết'], [input.imageUrl, 'Địa chỉ ảnh']] as const) {
      if (u && !isHttpUrl(u)) throw new BadRequestError(`${what} phải là địa chỉ http(s)://.`);
    }
    return { articleId: null, title, link: input.link || null, imageUrl: input.imageUrl || null, planId: input.planId ?? null, taskIds: input.taskIds ?? [] };
  }

  /** Channels of the input, each checked for its network's limits; every problem at once. */
  async function checkedChannels(a: Actor, input: ComposeInputValue, hasImage: boolean) {
    const problems: string[] = [];
    const out: { channel: SocialChannelTable; text: ComposeInputValue['channels'][number] }[] = [];
    const seen = new Set<string>();
    for (const text of input.channels) {
      const channel = await repo.findChannel(db, text.channelId);
      authorize(a, socialPolicy, 'social.post', channel);
      if (seen.has(channel!.id)) throw new BadRequestError('Mỗi kênh chỉ chọn một lần trong một bài đăng.');
      seen.add(channel!.id);
      problems.push(...limitProblems({ network: channel!.network, message: text.message, title: text.title, hasImage }));
      out.push({ channel: channel!, text });
    }
    if (problems.length > 0) throw new BadRequestError(`Chưa gửi được: ${problems.join(' ')}`, { problems });
    return out;
  }

  async function checkPlan(agencyId: string, planId: string | null, taskIds: string[], date: Date) {
    if (!planId || taskIds.length === 0) return;
    const plan = await plans.planTasks(agencyId, planId);
    if (!plan) throw new BadRequestError('Không tìm thấy kế hoạch của bài.');
    const known = new Set(plan.tasks.filter((t) => t.kind === 'task').map((t) => t.id));
    if (taskIds.some((id) => !known.has(id))) throw new BadRequestError('Có nhiệm vụ không thuộc kế hoạch này.');
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(date));
    if (year !== plan.year) throw new BadRequestError(`Ngày đăng phải nằm trong năm ${plan.year} của kế hoạch để bài được tính là minh chứng.`);
  }

  async function views(agencyId: string, rows: Awaited<ReturnType<typeof repo.listDeliveries>>) {
    const names = new Map((await repo.listChannels(db, agencyId)).map((c) => [c.id, c.name]));
    return rows.map((r) => deliveryView(r, names));
  }

  async function loadDelivery(actor: Actor | undefined, id: string, permission: 'social.read' | 'social.post') {
    const row = await repo.findDelivery(db, id);
    const a = authorize(actor, socialPolicy, permission, row);
    return { a, row: row! };
  }

  async function one(agencyId: string, id: string) {
    const [view] = await views(agencyId, await repo.listDeliveries(db, { agencyId, id }));
    if (!view) throw new NotFoundError();
    return view;
  }

  return {
    /** Character counts and problems per channel, for the composer's previews (nothing saved). */
    async preview(actor: Actor | undefined, input: ComposeInputValue) {
      const a = authorize(actor, socialPolicy, 'social.post');
      const src = await source(a, input);
      const out = [];
      for (const text of input.channels) {
        const channel = await repo.findChannel(db, text.channelId);
        authorize(a, socialPolicy, 'social.post', channel);
        const limits = NETWORK_LIMITS[channel!.network];
        out.push({
          channelId: channel!.id, network: channel!.network, characters: charCount(text.message), limit: limits.message, titleCharacters: charCount(text.title ?? ''), titleLimit: limits.title,
          problems: limitProblems({ network: channel!.network, message: text.message, title: text.title, hasImage: src.imageUrl !== null }),
        });
      }
      return { channels: out };
    },

    /**
     * Creates the post and one delivery per channel, in one transaction, and queues them (now,
     * at the schedule, or on Facebook's side). Everything is checked first: nothing half-sent.
     */
    async compose(actor: Actor | undefined, input: ComposeInputValue) {
      const a = authorize(actor, socialPolicy, 'social.post');
      const src = await source(a, input);
      const targets = await checkedChannels(a, input, src.imageUrl !== null);
      const at = input.scheduledAt ? new Date(input.scheduledAt) : null;
      if (at && Number.isNaN(at.getTime())) throw new BadRequestError('Thời điểm hẹn đăng không hợp lệ.');
      if (at && at.getTime() < Date.now() - 60_000) throw new BadRequestError('Thời điểm hẹn đăng đã qua.');
      const networkSide = Boolean(input.networkSide && at);
      if (networkSide) {
        if (targets.some((t) => t.channel.network !== 'facebook')) throw new BadRequestError('Chỉ Facebook nhận hẹn giờ phía mạng xã hội; Zalo được hẹn giờ bằng hàng đợi của hệ thống.');
        const ahead = at!.getTime() - Date.now();
        if (ahead < FACEBOOK_SCHEDULE_MIN_MS || ahead > FACEBOOK_SCHEDULE_MAX_MS) throw new BadRequestError('Facebook chỉ nhận hẹn giờ từ 10 phút đến 30 ngày sau.');
      }
      await checkPlan(a.agencyId, src.planId, src.taskIds, at ?? new Date());
      if (!input.draft) {
        const down = targets.filter((t) => !canSend(t.channel.health));
        if (down.length > 0) throw new ConflictError(`Kênh ${down.map((t) => channels.label(t.channel)).join(', ')} chưa kết nối hoặc mã truy cập hết hạn. Hãy kết nối lại kênh trước khi đăng.`);
      }
      const now = nowIso();
      const post: SocialPostTable = { id: newId(), agency_id: a.agencyId, article_id: src.articleId, title: src.title, link: src.link, image_url: src.imageUrl, plan_id: src.planId, task_ids: JSON.stringify(src.taskIds), unit_id: a.unitId, created_by: a.userId || null, created_at: now };
      const rows: SocialDeliveryTable[] = targets.map(({ channel, text }) => ({
        id: newId(), agency_id: a.agencyId, post_id: post.id, channel_id: channel.id, network: channel.network, title: text.title ? normalizeText(text.title) : null, message: text.message.normalize('NFC').trim(),
        state: input.draft ? 'draft' : 'scheduled', scheduled_at: at?.toISOString() ?? null, network_side: networkSide ? 1 : 0, broadcast: channel.network === 'zalo' && text.broadcast ? 1 : 0,
        attempts: 0, attempt_started_at: null, next_attempt_at: null, remote_token: null, remote_id: null, remote_url: null, last_error: null, published_at: null, screenshot_file_id: null,
        idempotency_key: `${post.id}:${channel.id}`, created_by: a.userId || null, created_at: now, updated_at: now,
      }));
      await database.transaction(async (trx) => {
        await repo.insertPost(trx, post);
        for (const d of rows) {
          await repo.insertDelivery(trx, d);
          if (!input.draft) await delivery.schedule(trx, d, networkSide || !at ? new Date() : at);
        }
        await audit.record(trx, a, { action: input.draft ? 'draft' : at ? 'schedule' : 'publish', entity: 'social_post', entityId: post.id, after: { title: post.title, articleId: post.article_id, channels: rows.map((d) => d.channel_id), scheduledAt: at?.toISOString() ?? null } });
      });
      // In the order the channels were given: the deliveries share created_at, so the list's order alone would leave ties to the query plan.
      const listed = await repo.listDeliveries(db, { agencyId: a.agencyId, postId: post.id });
      return views(a.agencyId, rows.map((d) => listed.find((l) => l.id === d.id)!));
    },

    async list(actor: Actor | undefined, q: DeliveryQueryInput) {
      const a = authorize(actor, socialPolicy, 'social.read');
      return views(a.agencyId, await repo.listDeliveries(db, { agencyId: a.agencyId, ...q }));
    },

    async get(actor: Actor | undefined, id: string) {
      const { a } = await loadDelivery(actor, id, 'social.read');
      return one(a.agencyId, id);
    },

    /** Sends a draft, a failed post or a waiting one again (its channel must work). */
    async retry(actor: Actor | undefined, id: string) {
      const { a, row } = await loadDelivery(actor, id, 'social.post');
      if (!['failed', 'waiting', 'draft'].includes(row.state)) throw new ConflictError('Chỉ gửi lại được bài nháp, bài lỗi hoặc bài đang chờ kết nối.');
      const channel = row.channel_id ? await repo.findChannel(db, row.channel_id) : undefined;
      if (!channel || !canSend(channel.health)) throw new ConflictError('Kênh chưa kết nối hoặc mã truy cập hết hạn. Hãy kết nối lại kênh; bài đang chờ sẽ tự gửi.');
      await database.transaction(async (trx) => {
        await repo.updateDelivery(trx, a.agencyId, id, { attempts: 0, updated_at: nowIso() });
        await delivery.resume(trx, { ...row, attempts: 0 });
        await audit.record(trx, a, { action: 'retry', entity: 'social_delivery', entityId: id, before: { state: row.state, error: row.last_error } });
      });
      return one(a.agencyId, id);
    },

    /**
     * Deletes a post: a published one on the network first (it stays if the network refuses),
     * then its evidence is withdrawn; an unsent one is just cancelled.
     */
    async remove(actor: Actor | undefined, id: string) {
      const { a, row } = await loadDelivery(actor, id, 'social.post');
      if (row.state === 'deleted') return one(a.agencyId, id);
      if (row.state === 'publishing') throw new ConflictError('Bài đang được gửi; hãy đợi kết quả rồi xoá.');
      const channel = row.channel_id ? await repo.findChannel(db, row.channel_id) : undefined;
      if (row.remote_id && channel && (row.state === 'published' || row.state === 'scheduled')) {
        try {
          const s = channels.secretsOf(channel);
          if (channel.network === 'facebook') await deps.facebook.remove(row.remote_id, s.accessToken ?? '');
          else await deps.zalo.remove(s.accessToken ?? '', row.remote_id);
        } catch (err) {
          if (err instanceof SocialApiError) throw new DomainError(err.kind === 'retry' ? 503 : 409, `Chưa xoá được trên mạng xã hội: ${err.message} Bài và minh chứng được giữ nguyên.`, 'social_delete_failed');
          throw err;
        }
      }
      await database.transaction(async (trx) => {
        await repo.updateDelivery(trx, a.agencyId, id, { state: 'deleted', next_attempt_at: null, updated_at: nowIso() });
        await evidence.withdrawSourceIn(trx, a.agencyId, { type: SOCIAL_SOURCE, id }, 'Bài đăng mạng xã hội đã bị xoá.');
        await audit.record(trx, a, { action: 'delete', entity: 'social_delivery', entityId: id, before: { state: row.state, url: row.remote_url } });
      });
      return one(a.agencyId, id);
    },
  };
}
