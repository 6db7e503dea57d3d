import type { ChannelHealth } from '../../db/types.ts';

/** A token expiring within this many days shows as "sắp hết hạn" so someone renews it in time. */
export const EXPIRING_DAYS = 7;

export const HEALTH_LABELS: Record<ChannelHealth, string> = {
  unconfigured: 'Chưa kết nối',
  valid: 'Hoạt động',
  expiring: 'Sắp hết hạn',
  expired: 'Hết hạn',
  revoked: 'Bị thu hồi',
};

export type HealthEvent =
  | { type: 'verified'; expiresAt: string | null; now: Date }
  | { type: 'token_expired' }
  | { type: 'token_revoked' }
  | { type: 'clock'; expiresAt: string | null; now: Date }
  | { type: 'disconnected' };

function byDate(expiresAt: string | null, now: Date): ChannelHealth {
  if (!expiresAt) return 'valid';
  const left = Date.parse(expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRING_DAYS * 86_400_000 ? 'expiring' : 'valid';
}

/**
 * The token health state machine. Only a verified token makes a channel usable again; the
 * clock moves valid → expiring → expired but never brings back an expired or revoked token;
 * a refusal by the network is final until the next successful reconnect.
 */
export function nextHealth(current: ChannelHealth, event: HealthEvent): ChannelHealth {
  switch (event.type) {
    case 'verified':
      return byDate(event.expiresAt, event.now);
    case 'token_expired':
      return current === 'unconfigured' ? current : current === 'revoked' ? 'revoked' : 'expired';
    case 'token_revoked':
      return current === 'unconfigured' ? current : 'revoked';
    case 'clock': {
      if (current !== 'valid' && current !== 'expiring') return current;
      return byDate(event.expiresAt, event.now);
    }
    case 'disconnected':
      return 'unconfigured';
  }
}

/** Whether posts may be sent through a channel in this state. */
export const canSend = (h: ChannelHealth) => h === 'valid' || h === 'expiring';
