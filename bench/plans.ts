/**
 * Plan import and export timings (issue targets: fixture import ≤ 200 ms, import of a
 * generated 300-task DOCX ≤ 2 s, DOCX export of a 300-task plan ≤ 1 s). Each is printed with a
 * baseline measured in the same run on the same machine — the library floor it cannot beat —
 * so a slow machine shows up in both numbers and the ratio stays comparable.
 *
 *   npx tsx bench/plans.ts
 */
import { readFile } from 'node:fs/promises';
import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { writePlanDocx } from '../src/documents/decree30/plan-docx.ts';
import { importPlanFile } from '../src/documents/import/extract.ts';
import { parsePlanText } from '../src/documents/import/text-plan.ts';
import { SEED_PLAN_FILE } from '../src/modules/plans/seed.ts';
import { generatedPlan } from './generate-plan.ts';
import { median, report } from './measure.ts';


const header = { parentAgency: 'UBND tỉnh Bắc Giang', agency: 'Ban Dân tộc tỉnh Bắc Giang', agencyHeader: 'Ban Dân tộc', place: 'Bắc Giang' };
const fixture = await readFile(SEED_PLAN_FILE, 'utf8');
const big = generatedPlan(300);
const bigDocx = await writePlanDocx(big, header);

report(
  'Nhập kế hoạch mẫu (văn bản, 8 nhiệm vụ)',
  await median(21, () => parsePlanText(fixture)),
  200,
  'chuẩn hoá từng dòng',
  await median(21, () => fixture.split('\n').map((l) => l.normalize('NFC').replace(/\s+/g, ' ').trim())),
);
report(
  'Nhập kế hoạch DOCX 300 nhiệm vụ',
  await median(5, () => importPlanFile({ name: 'ke-hoach-300.docx', bytes: bigDocx })),
  2000,
  'chỉ mammoth đọc DOCX',
  await median(5, () => mammoth.convertToHtml({ buffer: bigDocx })),
);
report(
  'Xuất DOCX Nghị định 30, 300 nhiệm vụ',
  await median(5, () => writePlanDocx(big, header)),
  1000,
  'DOCX rỗng',
  await median(5, () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] }))),
);
