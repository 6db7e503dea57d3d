/** What evidence counts, and how reports name it. */
export const MEASURES = {
  articles: 'Tin, bài viết',
  posts: 'Bài đăng mạng xã hội',
  documents: 'Văn bản',
  conferences: 'Hội nghị',
  trainings: 'Lớp tập huấn',
  contests: 'Hội thi',
  participants: 'Lượt người tham dự',
  procedures_disclosed: 'TTHC được công khai',
  procedures_updated: 'TTHC được cập nhật',
  leaflets: 'Tờ rơi, tài liệu phát hành',
  broadcasts: 'Lượt phát thanh',
  outreach_sessions: 'Buổi tuyên truyền trực tiếp khác',
} as const;

export type Measure = keyof typeof MEASURES;

export const EVIDENCE_KINDS = {
  article: 'Tin, bài trên Cổng TTĐT',
  social_post: 'Bài đăng mạng xã hội',
  event: 'Hội nghị, tập huấn, hội thi',
  procedure: 'Công khai, cập nhật TTHC',
  document: 'Văn bản, tài liệu',
  other: 'Khác',
} as const;

/** The measure a kind counts by default when the user gives no quantities. */
export const DEFAULT_MEASURE: Record<keyof typeof EVIDENCE_KINDS, Measure> = {
  article: 'articles',
  social_post: 'posts',
  event: 'conferences',
  procedure: 'procedures_disclosed',
  document: 'documents',
  other: 'documents',
};

export function isMeasure(value: string): value is Measure {
  return value in MEASURES;
}
