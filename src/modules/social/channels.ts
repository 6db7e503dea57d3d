import type { Executor } from '../../db/database.ts';
import type { SocialChannelTable, SocialDeliveryTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError, ConflictError, DomainError } from '../../platform/errors.ts';
import { secretHint } from '../../platform/secret-box.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import { channelView } from './channel-view.ts';
import type { SocialDeps } from './deps.ts';
import { canSend, nextHealth, type HealthEvent } from './health.ts';
import { SocialApiError } from './http.ts';
import { NETWORK_LABELS } from './limits.ts';
import { socialPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { ChannelConnectInput } from './schema.ts';
import { openSecrets, sealSecrets, type ChannelSecrets } from './secrets.ts';

/** A Zalo access token this close to its end is refreshed before use. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/** Zalo refresh tokens last about three months; the channel shows "sắp hết hạn" before that. */
const ZALO_REFRESH_DAYS = 90;

/** A refusal while checking new credentials: the admin's input was wrong (4xx), or the network is unreachable (503). */
function connectError(err: unknown): never {
  if (err instanceof SocialApiError) {
    if (err.kind === 'retry') throw new DomainError(503, `${err.message} Chưa lưu gì; hãy thử kết nối lại sau.`, 'network_unavailable');
    throw new BadRequestError(`${err.message} Thông tin kết nối chưa được lưu; kết nối đang dùng (nếu có) vẫn giữ nguyên.`);
  }
  throw err;
}

const required = (value: string | undefined, what: string) => {
  const v = value?.trim();
  if (!v) throw new BadRequestError(`Cần nhập ${what}. Thông tin kết nối chưa được lưu.`);
  return v;
};

/** Channels: add, connect or reconnect (checked against the network first), health. */
export function createChannels(deps: SocialDeps, resume: (trx: Executor, d: SocialDeliveryTable) => Promise<void>) {
  const { database, audit, box, facebook, zalo } = deps;
  const { db } = database;

  /** Stores rotated Zalo tokens at once: a refresh token works only once. */
  async function storeSecrets(channel: SocialChannelTable, secrets: ChannelSecrets) {
    await repo.updateChannel(db, channel.agency_id, channel.id, { secrets: sealSecrets(box, channel.id, secrets), secret_hint: secretHint(secrets.refreshToken ?? secrets.accessToken ?? ''), updated_at: nowIso() });
  }

  /** A working Zalo access token: the stored one while fresh, else (or when `force`) a refreshed one. */
  async function zaloAccess(channel: SocialChannelTable, s: ChannelSecrets, force = false): Promise<string> {
    const fresh = s.accessToken && s.accessExpiresAt && Date.parse(s.accessExpiresAt) - REFRESH_MARGIN_MS > Date.now();
    if (fresh && !force) return s.accessToken!;
    if (!s.refreshToken || !s.secretKey || !channel.app_id) throw new SocialApiError('token_revoked', 'Zalo OA chưa có refresh token; hãy kết nối lại.');
    const tokens = await zalo.refresh(channel.app_id, s.secretKey, s.refreshToken);
    Object.assign(s, tokens);
    await storeSecrets(channel, s);
    return tokens.accessToken;
  }

  async function load(actor: Actor | undefined, id: string, permission: 'social.read' | 'social.channels') {
    const row = await repo.findChannel(db, id);
    const a = authorize(actor, socialPolicy, permission, row);
    return { a, row: row! };
  }

  /** Proves the credentials work and returns what to store; throws (storing nothing) otherwise. */
  async function verified(row: SocialChannelTable, input: ChannelConnectInput): Promise<{ externalId: string; appId: string | null; secrets: ChannelSecrets; hint: string; note: string; expiresAt: string | null }> {
    try {
      if (row.network === 'facebook') {
        const pageId = required(input.externalId, 'mã Trang Facebook (page id)');
        if (!/^\d{1,30}$/.test(pageId)) throw new BadRequestError('Mã Trang Facebook chỉ gồm chữ số. Thông tin kết nối chưa được lưu.');
        const token = required(input.accessToken, 'mã truy cập Trang (page access token)');
        const page = await facebook.verify(pageId, token);
        return { externalId: page.id, appId: null, secrets: { accessToken: token }, hint: secretHint(token), note: `Trang “${page.name}”`, expiresAt: input.expiresAt ?? null };
      }
      const appId = required(input.appId, 'App ID của ứng dụng Zalo');
      const secretKey = required(input.secretKey, 'khoá bí mật (secret key) của ứng dụng Zalo');
      const refreshToken = required(input.refreshToken, 'refresh token của Zalo OA');
      // A refresh proves app id, secret key and refresh token together, and gives a fresh access token.
      const tokens = await zalo.refresh(appId, secretKey, refreshToken);
      const oa = await zalo.oaInfo(tokens.accessToken);
      return {
        externalId: oa.id || required(input.externalId, 'mã Zalo OA'), appId, hint: secretHint(tokens.refreshToken), note: `Zalo OA “${oa.name}”`,
        secrets: { secretKey, refreshToken: tokens.refreshToken, accessToken: tokens.accessToken, accessExpiresAt: tokens.accessExpiresAt },
        expiresAt: new Date(Date.now() + ZALO_REFRESH_DAYS * 86_400_000).toISOString(),
      };
    } catch (err) {
      connectError(err);
    }
  }

  return {
    async list(actor: Actor | undefined) {
      const a = authorize(actor, socialPolicy, 'social.read');
      const [rows, waiting] = await Promise.all([repo.listChannels(db, a.agencyId), repo.countWaiting(db, a.agencyId)]);
      // The clock may have moved a token to "expiring" or "expired" since it was last checked.
      return rows.map((r) => channelView({ ...r, health: nextHealth(r.health, { type: 'clock', expiresAt: r.token_expires_at, now: new Date() }) }, waiting.get(r.id) ?? 0));
    },

    async create(actor: Actor | undefined, input: { network: 'facebook' | 'zalo'; name: string }) {
      const a = authorize(actor, socialPolicy, 'social.channels');
      const now = nowIso();
      const row: SocialChannelTable = {
        id: newId(), agency_id: a.agencyId, network: input.network, name: normalizeText(input.name), external_id: null, app_id: null, secrets: null, secret_hint: null,
        health: 'unconfigured', health_note: null, token_expires_at: null, checked_at: null, is_demo: 0, created_at: now, updated_at: now,
      };
      await database.transaction(async (trx) => {
        await repo.insertChannel(trx, row);
        await audit.record(trx, a, { action: 'create', entity: 'social_channel', entityId: row.id, after: { network: row.network, name: row.name } });
      });
      return channelView(row, 0);
    },

    /**
     * Connects or reconnects. The new credentials are checked against the network before
     * anything is written, so an empty or refused token never replaces one that works. Posts
     * that waited for this channel are queued again.
     */
    async connect(actor: Actor | undefined, id: string, input: ChannelConnectInput) {
      const { a, row } = await load(actor, id, 'social.channels');
      if (input.expiresAt && Number.isNaN(Date.parse(input.expiresAt))) throw new BadRequestError('Ngày hết hạn của mã truy cập không hợp lệ.');
      const v = await verified(row, input);
      const now = new Date();
      const patch: Partial<SocialChannelTable> = {
        external_id: v.externalId, app_id: v.appId, secrets: sealSecrets(box, row.id, v.secrets), secret_hint: v.hint,
        health: nextHealth(row.health, { type: 'verified', expiresAt: v.expiresAt, now }), health_note: v.note, token_expires_at: v.expiresAt,
        checked_at: now.toISOString(), is_demo: 0, updated_at: now.toISOString(),
      };
      const waiting = await repo.waitingDeliveries(db, a.agencyId, row.id);
      await database.transaction(async (trx) => {
        await repo.updateChannel(trx, a.agencyId, row.id, patch);
        for (const d of waiting) await resume(trx, d);
        await audit.record(trx, a, { action: 'connect', entity: 'social_channel', entityId: row.id, before: { externalId: row.external_id, health: row.health }, after: { externalId: v.externalId, health: patch.health, resumedPosts: waiting.length } });
      });
      return channelView({ ...row, ...patch }, 0);
    },

    async disconnect(actor: Actor | undefined, id: string) {
      const { a, row } = await load(actor, id, 'social.channels');
      const patch = { secrets: null, secret_hint: null, health: nextHealth(row.health, { type: 'disconnected' }), health_note: null, token_expires_at: null, updated_at: nowIso() };
      await database.transaction(async (trx) => {
        await repo.updateChannel(trx, a.agencyId, row.id, patch);
        await audit.record(trx, a, { action: 'disconnect', entity: 'social_channel', entityId: row.id, before: { health: row.health } });
      });
      return channelView({ ...row, ...patch }, 0);
    },

    /** A token problem met while posting: the channel's health moves and says why. */
    async markToken(channel: SocialChannelTable, event: Extract<HealthEvent, { type: 'token_expired' | 'token_revoked' }>, note: string) {
      await repo.updateChannel(db, channel.agency_id, channel.id, { health: nextHealth(channel.health, event), health_note: note, checked_at: nowIso(), updated_at: nowIso() });
    },

    /** The channel's secrets, opened for a call to the network (never leaves the server). */
    secretsOf: (channel: SocialChannelTable) => openSecrets(box, channel),

    zaloAccess,

    /**
     * Checks the stored token against the network now (never replacing it): the health becomes
     * what the network says; an unreachable network changes nothing (503).
     */
    async check(actor: Actor | undefined, id: string) {
      const { a, row } = await load(actor, id, 'social.channels');
      if (!row.secrets || !row.external_id) throw new ConflictError('Kênh chưa kết nối; hãy kết nối trước khi kiểm tra.');
      const now = new Date();
      let patch: Partial<SocialChannelTable>;
      try {
        const s = openSecrets(box, row);
        const note = row.network === 'facebook'
          ? `Trang “${(await facebook.verify(row.external_id, s.accessToken ?? '')).name}”`
          : `Zalo OA “${(await zalo.oaInfo(await zaloAccess(row, s))).name}”`;
        patch = { health: nextHealth(row.health, { type: 'verified', expiresAt: row.token_expires_at, now }), health_note: note };
      } catch (err) {
        if (!(err instanceof SocialApiError) || err.kind === 'retry') connectError(err);
        patch = { health: nextHealth(row.health, { type: err.kind === 'token_expired' ? 'token_expired' : 'token_revoked' }), health_note: err.message };
      }
      const after = { ...row, ...patch, checked_at: now.toISOString(), updated_at: now.toISOString() };
      // A token that works again (e.g. the page's admin restored it) releases the waiting posts.
      const waiting = canSend(after.health) ? await repo.waitingDeliveries(db, a.agencyId, row.id) : [];
      await database.transaction(async (trx) => {
        await repo.updateChannel(trx, a.agencyId, row.id, { health: after.health, health_note: after.health_note, checked_at: after.checked_at, updated_at: after.updated_at });
        for (const d of waiting) await resume(trx, d);
        await audit.record(trx, a, { action: 'check', entity: 'social_channel', entityId: row.id, before: { health: row.health }, after: { health: after.health } });
      });
      return channelView(after, (await repo.countWaiting(db, a.agencyId)).get(row.id) ?? 0);
    },

    label: (row: SocialChannelTable) => `${NETWORK_LABELS[row.network]} “${row.name}”`,
  };
}

export type Channels = ReturnType<typeof createChannels>;
