import { describe, expect, it } from 'vitest';
import {
  completionText, labelInText, letter, measuresUsed, resultSentence, statusSummary,
} from '../../../src/documents/decree30/report-text.ts';
import { MEASURES } from '../../../src/modules/evidence/measures.ts';

const labels: Record<string, string> = { ...MEASURES };

describe('report sentences', () => {
  it('writes figures with their labels in label order, events in one clause, zeros left out', () => {
    expect(resultSentence({ participants: 350, conferences: 2, articles: 12, broadcasts: 0 }, labels))
      .toBe('đăng tải 12 tin, bài viết; tổ chức 2 hội nghị với 350 lượt người tham dự');
    expect(resultSentence({ contests: 1, trainings: 3 }, labels)).toBe('tổ chức 3 lớp tập huấn, 1 hội thi');
    expect(resultSentence({ participants: 40 }, labels)).toBe('thu hút 40 lượt người tham dự');
    expect(resultSentence({ broadcasts: 1200 }, labels)).toBe('thực hiện 1.200 lượt phát thanh');
    expect(resultSentence({ articles: 0 }, labels)).toBe('');
  });

  it('prints a measure it has no verb for as "label: n", with the report\'s own label', () => {
    expect(resultSentence({ videos: 4 }, { ...labels, videos: 'Video clip' })).toBe('Video clip: 4');
    expect(resultSentence({ videos: 4 }, labels)).toBe('videos: 4');
  });

  it('lowers a label in running text but keeps abbreviations', () => {
    expect(labelInText('Hội nghị')).toBe('hội nghị');
    expect(labelInText('TTHC được công khai')).toBe('TTHC được công khai');
    expect(labelInText('')).toBe('');
  });

  it('lists measures with a figure anywhere, known ones in label order, unknown ones last', () => {
    expect(measuresUsed(labels, [{ leaflets: 1, articles: 0 }, { x: 2, posts: 1 }])).toEqual(['posts', 'leaflets', 'x']);
  });

  it('gives the completion rate, or says nothing is due', () => {
    expect(completionText(0.5)).toBe('Tỉ lệ nhiệm vụ hoàn thành đúng hạn: 50%.');
    expect(completionText(1)).toBe('Tỉ lệ nhiệm vụ hoàn thành đúng hạn: 100%.');
    expect(completionText(null)).toBe('Tỉ lệ nhiệm vụ hoàn thành đúng hạn: chưa có nhiệm vụ đến hạn.');
  });

  it('letters headings in the Vietnamese order', () => {
    expect([0, 3, 4, 5, 6].map(letter)).toEqual(['a', 'd', 'đ', 'e', 'g']);
  });

  it('counts tasks by status', () => {
    const t = (status: string) => ({ code: null, content: '', lead: '', dueText: '', status, totals: {}, byUnit: {}, narratives: [], evidence: [] });
    expect(statusSummary([{ code: 'A', title: 'A', tasks: [t('Quá hạn'), t('Hoàn thành'), t('Hoàn thành')] }]))
      .toBe('Kế hoạch có 3 nhiệm vụ, trong đó: 2 nhiệm vụ hoàn thành, 1 nhiệm vụ quá hạn.');
    expect(statusSummary([])).toBe('Kế hoạch chưa có nhiệm vụ.');
  });
});
