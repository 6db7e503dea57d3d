import { TAG_COLORS } from '../../layout/theme';

export type Network = 'facebook' | 'zalo';
export type Health = 'unconfigured' | 'valid' | 'expiring' | 'expired' | 'revoked';

export interface Channel {
  id: string;
  network: Network;
  name: string;
  externalId: string | null;
  appId: string | null;
  secretStored: boolean;
  secretHint: string | null;
  health: Health;
  healthLabel: string;
  healthNote: string | null;
  tokenExpiresAt: string | null;
  checkedAt: string | null;
  waitingPosts: number;
  isDemo: boolean;
}

export interface Delivery {
  id: string;
  postId: string;
  channelId: string | null;
  channelName: string;
  network: string;
  title: string | null;
  message: string;
  state: string;
  stateLabel: string;
  scheduledAt: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  remoteUrl: string | null;
  lastError: string | null;
  publishedAt: string | null;
  hasScreenshot: boolean;
  manual: boolean;
  articleId: string | null;
  postTitle: string;
  link: string | null;
  createdAt: string;
}

export const NETWORK_LABELS: Record<string, string> = { facebook: 'Facebook', zalo: 'Zalo OA', youtube: 'YouTube', tiktok: 'TikTok', other: 'Mạng khác' };

/** Mirrors the server's limits (src/modules/social/limits.ts) for live counting; the server decides. */
export const LIMITS: Record<Network, { message: number; title: number }> = { facebook: { message: 63_206, title: 0 }, zalo: { message: 300, title: 150 } };

export const HEALTH_COLORS: Record<Health, string | undefined> = { unconfigured: undefined, valid: TAG_COLORS.green, expiring: TAG_COLORS.orange, expired: TAG_COLORS.red, revoked: TAG_COLORS.red };

export const STATE_COLORS: Record<string, string | undefined> = { published: TAG_COLORS.green, scheduled: TAG_COLORS.blue, publishing: TAG_COLORS.purple, waiting: TAG_COLORS.orange, failed: TAG_COLORS.red };

export const charCount = (text: string) => [...text.normalize('NFC')].length;
