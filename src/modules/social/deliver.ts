import type { Executor } from '../../db/database.ts';
import type { SocialChannelTable, SocialDeliveryTable, SocialPostTable } from '../../db/types.ts';
import { nowIso } from '../../db/sql-helpers.ts';
import { todayVi } from '../../platform/vi-text.ts';
import type { Channels } from './channels.ts';
import { DELIVER_JOB, MAX_ATTEMPTS, SOCIAL_SOURCE, type SocialDeps } from './deps.ts';
import { canSend } from './health.ts';
import { SocialApiError } from './http.ts';
import * as repo from './repo.ts';

type Outcome = { published: true; remoteId: string; url: string; note?: string } | { published: false; remoteId: string };

/**
 * Sends one delivery (a post × channel) through the job queue.
 *
 * Nothing lost, nothing duplicated — the approach:
 * - The delivery row is the idempotency key (unique post × channel). Each attempt is a job keyed
 *   by delivery and run time; a job whose time is no longer the delivery's next attempt does nothing.
 * - Before calling the network the delivery is set to "publishing" with the attempt's start time,
 *   committed. An answer we never got (timeout, dropped connection, 5xx, crash) leaves it so.
 * - Such an uncertain attempt is reconciled before anything is sent again: every id the network
 *   gave is stored the moment it arrives (Facebook post id, Zalo article token and id), and
 *   without one we look for the post on the network (Facebook: the page's recent posts with the
 *   same message since the attempt began; Zalo: the newest articles with the same title). Found
 *   means published; only when it is not there is the post sent again.
 * - Refusals (4xx) fail at once without retry; network errors, timeouts, 5xx and rate limits are
 *   retried with doubling delays; an expired or revoked token marks the channel and the post
 *   waits ("waiting") until the channel is reconnected, which queues it again.
 */
export function createDelivery(deps: SocialDeps, channels: Channels) {
  const { database, jobs, facebook, zalo, evidence } = deps;
  const { db } = database;

  /** Queues the next attempt of a delivery at `at` (inside the caller's transaction). */
  async function schedule(trx: Executor, d: Pick<SocialDeliveryTable, 'id' | 'agency_id'>, at: Date) {
    const iso = at.toISOString();
    await repo.updateDelivery(trx, d.agency_id, d.id, { next_attempt_at: iso, updated_at: nowIso() });
    await jobs.enqueue(trx, { kind: DELIVER_JOB, agencyId: d.agency_id, payload: { deliveryId: d.id, at: iso }, runAt: at, idempotencyKey: `${DELIVER_JOB}:${d.id}:${iso}`, maxAttempts: 3 });
  }

  /** A waiting post goes out again once its channel works (called when the channel is reconnected). */
  async function resume(trx: Executor, d: SocialDeliveryTable) {
    await repo.updateDelivery(trx, d.agency_id, d.id, { state: d.attempt_started_at ? 'publishing' : 'scheduled', last_error: null, updated_at: nowIso() });
    const due = d.scheduled_at && !d.network_side && Date.parse(d.scheduled_at) > Date.now() ? new Date(d.scheduled_at) : new Date();
    await schedule(trx, d, due);
  }

  async function sendFacebook(d: SocialDeliveryTable, channel: SocialChannelTable, post: SocialPostTable, uncertain: boolean): Promise<Outcome> {
    const token = channels.secretsOf(channel).accessToken ?? '';
    const pageId = channel.external_id ?? '';
    const networkSide = d.network_side === 1 && d.scheduled_at !== null;
    let remoteId = d.remote_id ?? (uncertain && d.attempt_started_at ? await facebook.findRecent(pageId, token, d.message, new Date(d.attempt_started_at), networkSide ? 'scheduled_posts' : 'feed') : undefined);
    if (!remoteId) {
      remoteId = await facebook.publish(pageId, token, { message: d.message, link: post.link, imageUrl: post.image_url, scheduledAt: networkSide ? new Date(d.scheduled_at!) : null });
      await repo.updateDelivery(db, d.agency_id, d.id, { remote_id: remoteId, updated_at: nowIso() });
    }
    // Scheduled on Facebook's side: it goes out at its time; we look again then.
    if (networkSide && Date.parse(d.scheduled_at!) > Date.now()) return { published: false, remoteId };
    return { published: true, remoteId, url: await facebook.permalink(remoteId, token) };
  }

  async function sendZalo(d: SocialDeliveryTable, channel: SocialChannelTable, post: SocialPostTable, uncertain: boolean): Promise<Outcome> {
    const s = channels.secretsOf(channel);
    let token = await channels.zaloAccess(channel, s);
    // One refresh and one more try when Zalo says the access token no longer works.
    const withToken = async <T>(call: (t: string) => Promise<T>): Promise<T> => {
      try {
        return await call(token);
      } catch (err) {
        if (!(err instanceof SocialApiError) || err.kind !== 'token_expired') throw err;
        token = await channels.zaloAccess(channel, s, true);
        return call(token);
      }
    };
    let remoteId = d.remote_id ?? undefined;
    let articleToken = d.remote_token ?? undefined;
    if (!remoteId && !articleToken && uncertain) remoteId = await withToken((t) => zalo.findByTitle(t, d.title ?? ''));
    if (!remoteId && !articleToken) {
      const body = post.link ? `${d.message}\n\nXem chi tiết: ${post.link}` : d.message;
      articleToken = await withToken((t) => zalo.createArticle(t, { title: d.title ?? '', description: d.message, coverUrl: post.image_url ?? '', body, author: channel.name }));
      await repo.updateDelivery(db, d.agency_id, d.id, { remote_token: articleToken, updated_at: nowIso() });
    }
    if (!remoteId) {
      remoteId = await withToken((t) => zalo.verify(t, articleToken!));
      if (!remoteId) throw new SocialApiError('retry', 'Zalo đang xử lý bài viết; sẽ kiểm tra lại.');
      await repo.updateDelivery(db, d.agency_id, d.id, { remote_id: remoteId, updated_at: nowIso() });
    }
    const url = await withToken((t) => zalo.link(t, remoteId!));
    // broadcast 1 = wanted, 2 = sent: a retry after a lost answer never sends it twice.
    if (d.broadcast === 1) {
      try {
        await withToken((t) => zalo.broadcast(t, remoteId!));
        await repo.updateDelivery(db, d.agency_id, d.id, { broadcast: 2, updated_at: nowIso() });
      } catch (err) {
        // The article exists: a refused broadcast must not mark it failed (nor make it again).
        if (!(err instanceof SocialApiError) || err.kind !== 'rejected') throw err;
        return { published: true, remoteId, url, note: `Đã đăng bài viết nhưng chưa gửi được tới người quan tâm: ${err.message}` };
      }
    }
    return { published: true, remoteId, url };
  }

  /** Published: the delivery, and the evidence on the post's tasks, in one transaction. */
  async function finish(d: SocialDeliveryTable, post: SocialPostTable, channel: SocialChannelTable, remoteId: string, url: string, sendNote?: string) {
    const publishedAt = nowIso();
    const taskIds = JSON.parse(post.task_ids) as string[];
    let note: string | null = sendNote ?? null;
    let record: Awaited<ReturnType<typeof evidence.prepareFromSource>> | null = null;
    if (post.plan_id && taskIds.length > 0) {
      try {
        record = await evidence.prepareFromSource(d.agency_id, {
          source: { type: SOCIAL_SOURCE, id: d.id }, planId: post.plan_id, taskIds, kind: 'social_post', date: todayVi(new Date(publishedAt)),
          unitId: post.unit_id, title: `${channels.label(channel)}: ${post.title}`, link: url, quantities: { posts: 1 },
        });
      } catch (err) {
        // The post is out; a plan that no longer accepts it must not undo that.
        note = [note, `Đã đăng nhưng chưa ghi được minh chứng: ${err instanceof Error ? err.message : String(err)}`].filter(Boolean).join(' ');
      }
    }
    await database.transaction(async (trx) => {
      // remote_id too: a post found by reconciliation (after a crash mid-call) was never stored.
      await repo.updateDelivery(trx, d.agency_id, d.id, { state: 'published', remote_id: remoteId, remote_url: url, published_at: publishedAt, last_error: note, next_attempt_at: null, updated_at: publishedAt });
      if (record) await record(trx);
    });
  }

  async function failed(d: SocialDeliveryTable, channel: SocialChannelTable | undefined, err: unknown, attempts: number) {
    const e = err instanceof SocialApiError ? err : new SocialApiError('retry', `Lỗi khi gửi bài: ${err instanceof Error ? err.message : String(err)}`);
    const now = nowIso();
    if ((e.kind === 'token_expired' || e.kind === 'token_revoked') && channel) {
      await channels.markToken(channel, { type: e.kind }, e.message);
      await repo.updateDelivery(db, d.agency_id, d.id, { state: 'waiting', last_error: `${e.message} Bài đang chờ kết nối lại kênh.`, next_attempt_at: null, updated_at: now });
      return;
    }
    if (e.kind === 'rejected' || attempts >= MAX_ATTEMPTS) {
      await repo.updateDelivery(db, d.agency_id, d.id, { state: 'failed', last_error: e.kind === 'rejected' ? e.message : `${e.message} Đã thử ${attempts} lần.`, next_attempt_at: null, updated_at: now });
      return;
    }
    await database.transaction(async (trx) => {
      await repo.updateDelivery(trx, d.agency_id, d.id, { last_error: `${e.message} Sẽ thử lại (lần ${attempts + 1}/${MAX_ATTEMPTS}).`, updated_at: now });
      await schedule(trx, d, new Date(Date.now() + deps.retryBaseMs * 2 ** (attempts - 1)));
    });
  }

  /** The job: one attempt at one delivery. */
  async function run(payload: { deliveryId: string; at: string }) {
    const d = await repo.findDelivery(db, payload.deliveryId);
    if (!d || d.next_attempt_at !== payload.at || (d.state !== 'scheduled' && d.state !== 'publishing')) return;
    const channel = d.channel_id ? await repo.findChannel(db, d.channel_id) : undefined;
    const post = await repo.findPost(db, d.agency_id, d.post_id);
    if (!channel || !post || !canSend(channel.health)) {
      await repo.updateDelivery(db, d.agency_id, d.id, { state: 'waiting', last_error: 'Kênh chưa kết nối hoặc mã truy cập không còn hiệu lực; bài đang chờ kết nối lại kênh.', next_attempt_at: null, updated_at: nowIso() });
      return;
    }
    // An attempt that started and never ended is reconciled first (see above).
    const uncertain = d.state === 'publishing' && d.attempt_started_at !== null;
    const attempts = d.attempts + 1;
    const started = uncertain ? d.attempt_started_at! : nowIso();
    // next_attempt_at stays this job's time: if the process dies mid-call, the queue hands the
    // job out again and that run, finding "publishing", reconciles.
    if (!(await repo.moveDelivery(db, d.agency_id, d.id, ['scheduled', 'publishing'], { state: 'publishing', attempts, attempt_started_at: started, updated_at: nowIso() }))) return;
    const current = { ...d, state: 'publishing' as const, attempts, attempt_started_at: started };
    try {
      const outcome = channel.network === 'facebook' ? await sendFacebook(current, channel, post, uncertain) : await sendZalo(current, channel, post, uncertain);
      if (outcome.published) await finish(current, post, channel, outcome.remoteId, outcome.url, outcome.note);
      else {
        await database.transaction(async (trx) => {
          await repo.updateDelivery(trx, d.agency_id, d.id, { state: 'scheduled', attempt_started_at: null, last_error: null, updated_at: nowIso() });
          await schedule(trx, d, new Date(Date.parse(d.scheduled_at!) + 60_000));
        });
      }
    } catch (err) {
      await failed(current, channel, err, attempts);
    }
  }

  return { schedule, resume, run };
}

export type Delivery = ReturnType<typeof createDelivery>;
