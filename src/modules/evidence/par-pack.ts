import JSZip from 'jszip';
import { html } from '../../portal/html.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { MEASURES } from './measures.ts';
import type { EvidenceView } from './schema.ts';

/** Channels the PAR Index criterion for reform communication asks evidence for. */
export const PAR_CHANNELS = [
  { code: 'portal', label: 'Trên Cổng/Trang thông tin điện tử', online: true },
  { code: 'social', label: 'Trên mạng xã hội (Facebook, Zalo…)', online: true },
  { code: 'events', label: 'Hội nghị, tập huấn, hội thi', online: false },
  { code: 'print', label: 'Tờ rơi, tài liệu, pa-nô, phát thanh (loa truyền thanh)', online: false },
  { code: 'procedures', label: 'Công khai thủ tục hành chính', online: false },
  { code: 'documents', label: 'Văn bản chỉ đạo, triển khai', online: false },
] as const;

export function channelOf(e: Pick<EvidenceView, 'kind' | 'quantities'>): (typeof PAR_CHANNELS)[number]['code'] {
  if (e.kind === 'article') return 'portal';
  if (e.kind === 'social_post') return 'social';
  if (e.kind === 'event') return 'events';
  if (e.kind === 'procedure') return 'procedures';
  if ((e.quantities.leaflets ?? 0) > 0 || (e.quantities.broadcasts ?? 0) > 0) return 'print';
  return 'documents';
}

export interface ParPackInput {
  agencyName: string;
  planTitle: string;
  year: number;
  completionRate: number | null;
  tasksDue: number;
  tasksDoneOnTime: number;
  evidence: EvidenceView[];
  taskContent: Map<string, string>;
  files: Map<string, { name: string; content: Buffer }>;
}

/**
 * The year's PAR Index evidence pack: one ZIP with an index page (completion rate, evidence
 * by channel, each line linked to its attached file or web address) and the files themselves.
 */
export async function buildParPack(input: ParPackInput): Promise<Buffer> {
  const zip = new JSZip();
  const paths = new Map<string, string>();
  let n = 0;
  for (const [fileId, f] of input.files) {
    n += 1;
    const path = `minh-chung/${String(n).padStart(3, '0')}-${f.name.replace(/[\\/:*?"<>|]+/g, '_')}`;
    paths.set(fileId, path);
    zip.file(path, f.content);
  }
  const rate = input.completionRate === null ? 'chưa có nhiệm vụ đến hạn' : `${Math.round(input.completionRate * 1000) / 10}% (${input.tasksDoneOnTime}/${input.tasksDue} nhiệm vụ đến hạn)`;
  const quantities = (q: Record<string, number>) => Object.entries(q).filter(([, v]) => v > 0).map(([m, v]) => `${v} ${(MEASURES as Record<string, string>)[m] ?? m}`).join('; ');
  const page = html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Minh chứng tuyên truyền CCHC năm ${input.year}</title>
<style>body{font-family:"Times New Roman",serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem;vertical-align:top;text-align:left}h2{margin-top:2rem}</style></head>
<body>
<h1>Hồ sơ minh chứng công tác tuyên truyền cải cách hành chính năm ${input.year}</h1>
<p><strong>${input.agencyName}</strong> — ${input.planTitle}</p>
<p>Tỉ lệ hoàn thành nhiệm vụ đúng hạn của kế hoạch: <strong>${rate}</strong>.</p>
<p>Tổng số minh chứng: ${input.evidence.length}.</p>
${PAR_CHANNELS.map((c) => {
    const items = input.evidence.filter((e) => channelOf(e) === c.code);
    return html`<h2>${c.online ? 'Trực tuyến' : 'Truyền thống'}: ${c.label} (${items.length})</h2>
${items.length === 0 ? html`<p>Không có minh chứng.</p>` : html`<table><thead><tr><th>TT</th><th>Ngày</th><th>Minh chứng</th><th>Nhiệm vụ</th><th>Số lượng</th><th>Tệp, liên kết</th></tr></thead><tbody>
${items.map((e, i) => html`<tr><td>${i + 1}</td><td>${formatDateVi(e.date)}</td><td>${e.title}</td><td>${e.taskIds.map((id) => input.taskContent.get(id) ?? '').join('; ')}</td><td>${quantities(e.quantities)}</td><td>${e.files.map((f) => (paths.has(f.id) ? html`<a href="${paths.get(f.id)!}">${f.name}</a><br>` : ''))}${e.link ? html`<a href="${e.link}">${e.link}</a>` : ''}</td></tr>`)}
</tbody></table>`}`;
  })}
</body></html>`;
  zip.file('00-danh-muc-minh-chung.html', page.value);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
