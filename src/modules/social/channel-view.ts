import type { SocialChannelTable } from '../../db/types.ts';
import { HEALTH_LABELS } from './health.ts';
import type { ChannelView } from './schema.ts';

export function channelView(c: SocialChannelTable, waiting: number): ChannelView {
  return {
    id: c.id, network: c.network, name: c.name, externalId: c.external_id, appId: c.app_id,
    secretStored: c.secrets !== null, secretHint: c.secret_hint,
    health: c.health, healthLabel: HEALTH_LABELS[c.health], healthNote: c.health_note,
    tokenExpiresAt: c.token_expires_at, checkedAt: c.checked_at, waitingPosts: waiting, isDemo: c.is_demo === 1,
  };
}
