import type { Executor } from '../../db/database.ts';
import type { SocialChannelTable, SocialDeliveryTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError, DomainError } from '../../platform/errors.ts';
import { secretHint } from '../../platform/secret-box.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import { channelView } from './channel-view.ts';
import type { SocialDeps } from './deps.ts';
import { nextHealth, type HealthEvent } from './health.ts';
import { SocialApiError } from './http.ts';
import { NETWORK_LABELS } from './limits.ts';
import { socialPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { ChannelConnectInput } from './schema.ts';
import { openSecrets, sealSecrets, type ChannelSecrets } from './secrets.ts';

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

    /** Stores rotated Zalo tokens at once: a refresh token works only once. */
    async storeSecrets(channel: SocialChannelTable, secrets: ChannelSecrets) {
      await repo.updateChannel(db, channel.agency_id, channel.id, { secrets: sealSecrets(box, channel.id, secrets), secret_hint: secretHint(secrets.refreshToken ?? secrets.accessToken ?? ''), updated_at: nowIso() });
    },

    label: (row: SocialChannelTable) => `${NETWORK_LABELS[row.network]} “${row.name}”`,
  };
}

export type Channels = ReturnType<typeof createChannels>;
