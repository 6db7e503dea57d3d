import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { normalise, project } from '../unit/plan-import/expected-compare.ts';

/** `import-plan`, `export-plan` and `plans list` as an operator runs them (real processes, SQLite). */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = join(ROOT, 'seed', 'plans', 'bdt-bacgiang-2024.txt');
const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'plans', 'bdt-bacgiang-2024.expected.json'), 'utf8')) as { plan: Record<string, unknown>; appendix: Record<string, unknown> };
const dataDir = mkdtempSync(join(tmpdir(), 'minhbach-plan-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'minhbach.js'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('plan command line', () => {
  it('import-plan --dry-run --json prints exactly what expected.json lists, and writes no database', async () => {
    const res = await cli(['import-plan', FIXTURE, '--dry-run', '--json']);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as { plan: Record<string, unknown>; appendix: Record<string, unknown> };
    for (const key of Object.keys(EXPECTED.plan)) expect(project(out.plan[key], EXPECTED.plan[key]), `plan.${key}`).toEqual(normalise(EXPECTED.plan[key]));
    for (const key of Object.keys(EXPECTED.appendix)) expect(project(out.appendix[key], EXPECTED.appendix[key]), `appendix.${key}`).toEqual(normalise(EXPECTED.appendix[key]));
    expect(readdirSafe(dataDir)).not.toContain('minhbach.db');
  });

  it('imports for real, lists, exports DOCX and XLSX; a bad id or format is a usage error', async () => {
    expect((await cli(['seed'])).code).toBe(0);
    const imported = await cli(['import-plan', FIXTURE, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const { id, tasks } = JSON.parse(imported.stdout) as { id: string; tasks: number };
    expect(tasks).toBe(8);
    const list = JSON.parse((await cli(['plans', 'list', '--json'])).stdout) as { id: string; year: number; title: string; status: string; taskCount: number }[];
    // The seed plan (in force) and the one just imported (draft).
    expect(list.map((p) => p.status).sort()).toEqual(['draft', 'in_force']);
    expect(list.find((p) => p.id === id)).toMatchObject({ year: 2024, taskCount: 8, title: 'Tuyên truyền cải cách hành chính nhà nước năm 2024' });
    const docxFile = join(dataDir, 'ke-hoach.docx');
    const exported = await cli(['export-plan', id, '--format', 'docx', '--out', docxFile]);
    expect(exported.code, exported.stderr).toBe(0);
    const text = (await mammoth.extractRawText({ path: docxFile })).value;
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Lồng ghép tuyên truyền CCHC vào Hội thi tìm hiểu pháp luật');
    const xlsxFile = join(dataDir, 'phu-luc.xlsx');
    expect((await cli(['export-plan', id, '--format', 'xlsx', '--out', xlsxFile])).code).toBe(0);
    const reimport = JSON.parse((await cli(['import-plan', xlsxFile, '--dry-run', '--json'])).stdout) as { appendix: { tasks: unknown[] } };
    expect(project(reimport.appendix.tasks, EXPECTED.appendix.tasks)).toEqual(normalise(EXPECTED.appendix.tasks));
    // The seed plan with its demo evidence gives a first-quarter report with numbers.
    const seedPlan = list.find((p) => p.status === 'in_force')!;
    const q1 = join(dataDir, 'q1.docx');
    const generated = await cli(['report', 'generate', '--plan', seedPlan.id, '--period', '2024-Q1', '--out', q1, '--annex', join(dataDir, 'q1.xlsx')]);
    expect(generated.code, generated.stderr).toBe(0);
    const report = (await mammoth.extractRawText({ path: q1 })).value;
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Quý I/2024', 'Xây dựng Kế hoạch tuyên truyền năm 2024']) expect(report, line).toContain(line);
    expect(report).toMatch(/đăng tải \d+ tin, bài viết/);
    expect((await cli(['report', 'generate', '--plan', seedPlan.id, '--period', '2024-Q9', '--out', q1])).code).toBe(1);
    expect((await cli(['export-plan', 'khong-co', '--format', 'docx', '--out', docxFile])).code).toBe(2);
    expect((await cli(['export-plan', id, '--format', 'pdf', '--out', docxFile])).code).toBe(2);
  }, 120_000);

  it('a file that is no plan fails with a Vietnamese message and exit code 1', async () => {
    const junk = join(dataDir, 'anh.png');
    await import('node:fs/promises').then((fs) => fs.writeFile(junk, 'not an image'));
    const res = await cli(['import-plan', junk, '--dry-run']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/[À-ỹ]/);
  });
});

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
