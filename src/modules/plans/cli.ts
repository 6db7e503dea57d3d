import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Services } from '../../app.ts';
import { UsageError } from '../../cli-errors.ts';
import { systemReader } from '../../platform/access.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { PlanDocument } from '../../documents/plan-document.ts';
import { guessMime, readPlanInput } from './import-service.ts';
import { importJson } from './import-json.ts';

interface PlanCliOptions {
  agency: string;
  'dry-run'?: boolean;
  json?: boolean;
  format?: string;
  out?: string;
}

/** `import-plan`, `export-plan` and `plans list`: the plan operations for operators and scripts. */
export async function planCommand(services: Services, command: string, args: string[], opts: PlanCliOptions): Promise<void> {
  const agency = await services.org.agencyByCode(opts.agency);
  if (!agency) throw new UsageError(`Không có cơ quan mã "${opts.agency}" (dùng --agency).`);

  if (command === 'import-plan') {
    const { input, bytes } = await readPlanFileArg(args);
    const document = await readPlanInput({ file: input });
    const plan = await services.plans.createFromDocumentAs({ agencyId: agency.id }, document, { name: input.name, mime: input.mime, bytes });
    if (opts.json) process.stdout.write(`${JSON.stringify({ id: plan.id, year: plan.year, title: plan.title, tasks: plan.tasks.filter((t) => t.kind === 'task').length, warnings: document.warnings }, null, 2)}\n`);
    else console.log(`Đã nhập kế hoạch ${plan.id} (${plan.tasks.filter((t) => t.kind === 'task').length} nhiệm vụ, trạng thái dự thảo).`);
    return;
  }

  if (command === 'export-plan') {
    const [id] = args;
    const format = opts.format;
    if (!id || (format !== 'docx' && format !== 'xlsx') || !opts.out) throw new UsageError('export-plan <id> --format docx|xlsx --out <tệp>');
    const file = await services.planExports.export(systemReader(agency.id), id, format).catch((err: unknown) => {
      throw err instanceof NotFoundError ? new UsageError(`Không có kế hoạch ${id}.`) : err;
    });
    await writeFile(resolve(opts.out), file.bytes);
    console.log(`Đã xuất ${resolve(opts.out)} (${file.bytes.length} byte).`);
    return;
  }

  if (command === 'plans' && args[0] === 'list') {
    const list = await services.plans.list(systemReader(agency.id));
    if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    else for (const p of list) console.log(`${p.id}\t${p.year}\t${p.numberText ?? '(chưa số)'}\t${p.status}\t${p.taskCount} nhiệm vụ\t${p.title}`);
    return;
  }
  throw new UsageError('Lệnh plans cần: list.');
}

/** `import-plan <file> --dry-run`: parses and prints, touching no database. */
export async function dryRunImport(args: string[], opts: { json?: boolean }): Promise<void> {
  const { input } = await readPlanFileArg(args);
  const document = await readPlanInput({ file: input });
  if (opts.json) process.stdout.write(`${JSON.stringify(importJson(document), null, 2)}\n`);
  else printSummary(document);
}

async function readPlanFileArg(args: string[]) {
  const [file] = args;
  if (!file) throw new UsageError('import-plan cần đường dẫn tệp kế hoạch.');
  const bytes = await readFile(resolve(file)).catch(() => {
    throw new UsageError(`Không đọc được tệp ${file}.`);
  });
  return { bytes, input: { name: basename(file), mime: guessMime(file), base64: bytes.toString('base64') } };
}


function printSummary(doc: PlanDocument) {
  console.log(`Kế hoạch: ${doc.title} (năm ${doc.year ?? '?'}, số ${doc.numberText ?? 'chưa có'})`);
  console.log(`Mục: ${doc.sections.map((s) => `${s.number}. ${s.heading}`).join('; ')}`);
  console.log(`Phụ lục: ${doc.appendix ? `${doc.appendix.groups.length} nhóm, ${doc.appendix.tasks.length} nhiệm vụ` : 'không có'}`);
  for (const w of doc.warnings) console.log(`Cảnh báo [${w.path}]: ${w.message}`);
}
