import { richTextToPlain } from '../../platform/rich-text.ts';
import type { ArticleSnapshot } from './article-input.ts';

export type WordOp = { op: 'same' | 'add' | 'del'; text: string };

const FIELD_LABELS: Record<keyof ArticleSnapshot, string> = {
  title: 'Tiêu đề', slug: 'Đường dẫn', summary: 'Tóm tắt', bodyHtml: 'Nội dung', categoryId: 'Chuyên mục', byline: 'Tác giả', source: 'Nguồn',
  tags: 'Từ khoá', coverMediaId: 'Ảnh đại diện', coverAlt: 'Mô tả ảnh', audioFileId: 'Tệp âm thanh', attachments: 'Tệp đính kèm',
  translations: 'Bản ngôn ngữ khác', planId: 'Kế hoạch', taskIds: 'Nhiệm vụ liên kết',
};

/** Longest-common-subsequence word diff; long texts fall back to a coarse prefix/suffix diff. */
export function wordDiff(before: string, after: string): WordOp[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const ops: WordOp[] = [];
  const push = (op: WordOp['op'], text: string) => {
    if (!text) return;
    const last = ops.at(-1);
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  if (midA.length * midB.length > 4_000_000) {
    push('del', midA.join(''));
    push('add', midB.join(''));
  } else {
    // Table of LCS lengths from the end, then walk forward.
    const n = midA.length;
    const m = midB.length;
    const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i]![j] = midA[i] === midB[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push('same', midA[i++]!);
        j++;
      } else if (table[i + 1]![j]! >= table[i]![j + 1]!) push('del', midA[i++]!);
      else push('add', midB[j++]!);
    }
    while (i < n) push('del', midA[i++]!);
    while (j < m) push('add', midB[j++]!);
  }
  push('same', a.slice(endA).join(''));
  return ops;
}

const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Field-level changes between two snapshots; text fields carry a word diff. */
export function diffArticleSnapshots(a: ArticleSnapshot, b: ArticleSnapshot) {
  const changes = [];
  for (const field of Object.keys(FIELD_LABELS) as (keyof ArticleSnapshot)[]) {
    if (JSON.stringify(a[field]) === JSON.stringify(b[field])) continue;
    if (field === 'bodyHtml') {
      const before = richTextToPlain(a.bodyHtml);
      const after = richTextToPlain(b.bodyHtml);
      changes.push({ field, label: FIELD_LABELS[field], before, after, words: wordDiff(before, after) });
    } else if (field === 'title' || field === 'summary') {
      changes.push({ field, label: FIELD_LABELS[field], before: a[field], after: b[field], words: wordDiff(a[field], b[field]) });
    } else {
      changes.push({ field, label: FIELD_LABELS[field], before: show(a[field]), after: show(b[field]) });
    }
  }
  return changes;
}
