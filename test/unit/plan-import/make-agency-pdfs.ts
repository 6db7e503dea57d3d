/**
 * Prints the DOCX of every plan in agency-plans.ts to PDF with LibreOffice and stores the PDFs as
 * fixtures (test/fixtures/plans/agencies/<id>.pdf), and the Bắc Giang plan as the Decree 30 writer
 * makes it (decree30-bacgiang.pdf). Run by hand after changing a plan:
 *   npx tsx test/unit/plan-import/make-agency-pdfs.ts
 * CI has no LibreOffice: the tests read the stored PDFs and never call this.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePlanDocx } from '../../../src/documents/decree30/plan-docx.ts';
import { BAC_GIANG_HEADER, bacGiangPlan } from '../decree30/plans.ts';
import { AGENCY_PLANS } from './agency-plans.ts';
import { planDocx } from './agency-render.ts';

const OUT = fileURLToPath(new URL('../../fixtures/plans/agencies/', import.meta.url));

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'agency-pdf-'));
  // Also the Decree 30 writer's own plan: its appendix cells are centred vertically.
  const files: [string, Buffer][] = [['decree30-bacgiang', await writePlanDocx(bacGiangPlan(), BAC_GIANG_HEADER)]];
  for (const plan of AGENCY_PLANS) files.push([plan.id, await planDocx(plan)]);
  for (const [id, bytes] of files) {
    const docx = join(work, `${id}.docx`);
    writeFileSync(docx, bytes);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore' });
    renameSync(join(work, `${id}.pdf`), join(OUT, `${id}.pdf`));
  }
}

void main();
