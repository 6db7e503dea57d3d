import type { SocialChannelTable } from '../../db/types.ts';
import type { SecretBox } from '../../platform/secret-box.ts';

/** Facebook: the page token. Zalo: secret key, refresh token and the current access token. */
export interface ChannelSecrets {
  accessToken?: string;
  accessExpiresAt?: string;
  secretKey?: string;
  refreshToken?: string;
}

/** The sealed value is bound to its channel: copied onto another channel's row it does not open. */
const context = (channelId: string) => `social_channels:${channelId}`;

export function sealSecrets(box: SecretBox, channelId: string, s: ChannelSecrets): string {
  return box.seal(JSON.stringify(s), context(channelId));
}

export function openSecrets(box: SecretBox, ch: Pick<SocialChannelTable, 'id' | 'secrets'>): ChannelSecrets {
  if (!ch.secrets) return {};
  return JSON.parse(box.open(ch.secrets, context(ch.id))) as ChannelSecrets;
}
