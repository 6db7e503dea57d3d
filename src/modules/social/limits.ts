import type { SocialNetwork } from '../../db/types.ts';

/**
 * What each network accepts, checked before anything is sent (so nothing goes half-way).
 * Facebook: a Page post's message is at most 63 206 characters. Zalo OA articles: title at most
 * 150, description at most 300 characters, and a cover photo is required.
 */
export const NETWORK_LIMITS = {
  facebook: { message: 63_206, title: 0, coverRequired: false },
  zalo: { message: 300, title: 150, coverRequired: true },
} as const satisfies Record<SocialNetwork, { message: number; title: number; coverRequired: boolean }>;

export const NETWORK_LABELS: Record<string, string> = { facebook: 'Facebook', zalo: 'Zalo OA', youtube: 'YouTube', tiktok: 'TikTok', other: 'Mạng khác' };

/** Characters as people count them (a Vietnamese letter with its marks is one, emoji are one). */
export function charCount(text: string): number {
  return [...text.normalize('NFC')].length;
}

export interface ChannelText {
  network: SocialNetwork;
  message: string;
  title?: string | null;
  hasImage: boolean;
}

/** Every problem of one channel's text, in Vietnamese; empty when it can be sent. */
export function limitProblems(t: ChannelText): string[] {
  const limits = NETWORK_LIMITS[t.network];
  const label = NETWORK_LABELS[t.network];
  const problems: string[] = [];
  const message = charCount(t.message.trim());
  if (message === 0) problems.push(`${label}: nội dung không được để trống.`);
  if (message > limits.message) problems.push(`${label}: nội dung dài ${message} ký tự, vượt giới hạn ${limits.message} ký tự.`);
  if (limits.title > 0) {
    const title = charCount((t.title ?? '').trim());
    if (title === 0) problems.push(`${label}: tiêu đề không được để trống.`);
    if (title > limits.title) problems.push(`${label}: tiêu đề dài ${title} ký tự, vượt giới hạn ${limits.title} ký tự.`);
  }
  if (limits.coverRequired && !t.hasImage) problems.push(`${label}: bài viết cần ảnh bìa (bài viết gốc chưa có ảnh đại diện).`);
  return problems;
}
