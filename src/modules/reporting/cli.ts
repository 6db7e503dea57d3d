import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Services } from '../../services.ts';
import { UsageError } from '../../cli-errors.ts';

/** `report generate --plan <id> --period 2024-Q1 --out q1.docx [--annex q1.xlsx]`. */
export async function reportCommand(services: Services, args: string[], opts: { agency: string; plan?: string; period?: string; out?: string; annex?: string }) {
  if (args[0] !== 'generate') throw new UsageError('Lệnh report cần: generate --plan <id> --period 2024-Q1 --out <tệp.docx> [--annex <tệp.xlsx>]');
  if (!opts.plan || !opts.period || !opts.out) throw new UsageError('report generate cần --plan, --period và --out.');
  const agency = await services.org.agencyByCode(opts.agency);
  if (!agency) throw new UsageError(`Không có cơ quan mã "${opts.agency}" (dùng --agency).`);
  const report = await services.consolidation.generateForCode(agency.id, opts.plan, opts.period);
  await writeFile(resolve(opts.out), report.docx);
  if (opts.annex) await writeFile(resolve(opts.annex), report.xlsx);
  console.log(`Đã tạo ${report.final ? 'bản chính thức' : 'dự thảo'} báo cáo: ${resolve(opts.out)}${opts.annex ? ` và phụ lục ${resolve(opts.annex)}` : ''}.`);
}
