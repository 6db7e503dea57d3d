import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeReportAnnexXlsx } from '../../../src/documents/xlsx/report-annex-xlsx.ts';
import type { ReportDocument } from '../../../src/documents/report-document.ts';
import { HC_TH, NO_UNIT, allTasks, quarterReport } from './report-fixture.ts';

const report = quarterReport();
const HEADER_ROW = 5;
let figures: ExcelJS.Worksheet;
let evidence: ExcelJS.Worksheet;

async function load(doc: ReportDocument): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeReportAnnexXlsx(doc)) as unknown as ArrayBuffer);
  return workbook;
}

beforeAll(async () => {
  const workbook = await load(report);
  figures = workbook.getWorksheet('Phụ lục số liệu')!;
  evidence = workbook.getWorksheet('Minh chứng')!;
});

function text(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
}

function headerOf(sheet: ExcelJS.Worksheet): string[] {
  const row = sheet.getRow(HEADER_ROW);
  return Array.from({ length: sheet.columnCount }, (_, i) => text(row.getCell(i + 1)));
}

function rowsAfterHeader(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  return Array.from({ length: sheet.rowCount - HEADER_ROW }, (_, i) => sheet.getRow(HEADER_ROW + 1 + i));
}

/** measure label → column number, from a sheet's header. */
function measureColumns(sheet: ExcelJS.Worksheet, labels: string[]): Map<string, number> {
  const header = headerOf(sheet);
  return new Map(labels.map((l) => [l, header.indexOf(l) + 1]));
}

const num = (cell: ExcelJS.Cell): number => (typeof cell.value === 'number' ? cell.value : 0);
const key = (task: string, unit: string) => `${task}\u0000${unit}`;

/** Sheet 1 as task → unit ("Cộng" for the task row) → label → figure. */
function readFigures(labels: string[]): Map<string, Record<string, number>> {
  const columns = measureColumns(figures, labels);
  const out = new Map<string, Record<string, number>>();
  let task = '';
  for (const row of rowsAfterHeader(figures)) {
    if (text(row.getCell(2)) === 'TỔNG CỘNG') break;
    const unit = text(row.getCell(3));
    if (unit === 'Cộng') task = text(row.getCell(2));
    if (unit === '') continue;
    out.set(key(task, unit), Object.fromEntries(labels.map((l) => [l, num(row.getCell(columns.get(l)!))])));
  }
  return out;
}

/** Sheet 2 summed by task and unit, and by task ("Cộng"), from its evidence rows. */
function sumEvidence(labels: string[]): Map<string, Record<string, number>> {
  const columns = measureColumns(evidence, labels);
  const out = new Map<string, Record<string, number>>();
  const add = (k: string, row: ExcelJS.Row) => {
    const into = out.get(k) ?? Object.fromEntries(labels.map((l) => [l, 0]));
    for (const l of labels) into[l]! += num(row.getCell(columns.get(l)!));
    out.set(k, into);
  };
  for (const row of rowsAfterHeader(evidence)) {
    add(key(text(row.getCell(2)), text(row.getCell(4))), row);
    add(key(text(row.getCell(2)), 'Cộng'), row);
  }
  return out;
}

const USED = ['articles', 'posts', 'documents', 'conferences', 'trainings', 'participants', 'procedures_disclosed', 'procedures_updated', 'leaflets'];
const usedLabels = () => USED.map((m) => report.measureLabels[m]!);

describe('writeReportAnnexXlsx: sheet "Phụ lục số liệu"', () => {
  it('has the title rows: the report title and the period with its dates', () => {
    expect(text(figures.getRow(2).getCell(1))).toBe(report.title);
    expect(text(figures.getRow(3).getCell(1))).toBe('Kỳ báo cáo: Quý I/2024 (từ ngày 15/12/2023 đến ngày 14/03/2024)');
    expect(text(figures.getRow(4).getCell(1))).toBe('(Kèm theo Báo cáo số 05/BC-BDT ngày 05/04/2024)');
  });

  it('has TT, task, unit, then one column per measure used anywhere, in label order', () => {
    expect(headerOf(figures)).toEqual(['TT', 'Nội dung nhiệm vụ', 'Đơn vị', ...usedLabels()]);
    expect(headerOf(figures)).not.toContain(report.measureLabels.contests);
    expect(headerOf(figures)).not.toContain(report.measureLabels.broadcasts);
  });

  it('freezes the header, sets widths and wraps text', () => {
    expect(figures.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(figures.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(figures.getRow(HEADER_ROW + 2).getCell(2).alignment?.wrapText).toBe(true);
  });

  it('has a bold row per group, a bold total row per task, and a row per unit of the task', () => {
    const rows = rowsAfterHeader(figures);
    const content = rows.map((r) => [text(r.getCell(1)), text(r.getCell(2)), text(r.getCell(3))]);
    for (const group of report.groups) {
      const row = rows[content.findIndex(([tt, title]) => tt === group.code && title === group.title)];
      expect(row?.getCell(2).font?.bold, group.title).toBe(true);
    }
    for (const task of allTasks(report)) {
      const at = content.findIndex(([, c, u]) => c === task.content && u === 'Cộng');
      expect(at, task.content).toBeGreaterThan(-1);
      expect(rows[at]!.getCell(2).font?.bold).toBe(true);
      const units = content.slice(at + 1, at + 1 + Object.keys(task.byUnit).length).map(([, , u]) => u);
      expect(units.sort()).toEqual(Object.keys(task.byUnit).sort());
    }
    // A task without a code of its own gets "-", as in the plan's appendix.
    expect(content.find(([, c]) => c === allTasks(report)[7]!.content)?.[0]).toBe('-');
    expect(content.find(([, c]) => c === allTasks(report)[0]!.content)?.[0]).toBe('1');
  });

  it('has figures per task and unit equal to the sums of the evidence rows for that task and unit', () => {
    const labels = usedLabels();
    const sheet1 = readFigures(labels);
    const sheet2 = sumEvidence(labels);
    const zeros = Object.fromEntries(labels.map((l) => [l, 0]));
    let compared = 0;
    for (const task of allTasks(report)) {
      for (const unit of ['Cộng', ...Object.keys(task.byUnit)]) {
        const k = key(task.content, unit);
        expect(sheet1.get(k), `${task.content} / ${unit}`).toEqual(sheet2.get(k) ?? zeros);
        compared++;
      }
    }
    expect(compared).toBe(8 + 10);
    // Nothing in either sheet that the other lacks: only the task without evidence has no evidence rows.
    for (const k of sheet2.keys()) expect(sheet1.has(k), k).toBe(true);
    expect([...sheet1.keys()].filter((k) => !sheet2.has(k))).toEqual([key('Xây dựng chuyên mục hỏi đáp CCHC trên Cổng TTĐT', 'Cộng')]);
  });

  it('has figures equal to the report\'s own, and the evidence without a unit under "Không rõ đơn vị"', () => {
    const labels = usedLabels();
    const sheet1 = readFigures(labels);
    for (const task of allTasks(report)) {
      for (const [unit, quantities] of [['Cộng', task.totals] as const, ...Object.entries(task.byUnit)]) {
        const expected = Object.fromEntries(USED.map((m, i) => [labels[i]!, quantities[m] ?? 0]));
        expect(sheet1.get(key(task.content, unit))).toEqual(expected);
      }
    }
    expect(sheet1.get(key('In và phát hành tờ rơi hướng dẫn TTHC cho đồng bào vùng cao', NO_UNIT))?.[report.measureLabels.leaflets!]).toBe(200);
  });

  it('ends with the period total, where evidence serving two tasks counts once', () => {
    const row = rowsAfterHeader(figures).find((r) => text(r.getCell(2)) === 'TỔNG CỘNG')!;
    const columns = measureColumns(figures, usedLabels());
    expect(num(row.getCell(columns.get(report.measureLabels.articles!)!))).toBe(6);
    for (const m of USED) expect(num(row.getCell(columns.get(report.measureLabels[m]!)!)), m).toBe(report.totals[m]);
    const taskArticles = allTasks(report).reduce((s, t) => s + (t.totals.articles ?? 0), 0);
    expect(taskArticles).toBe(7);
  });

  it('leaves zero figures blank', () => {
    const task = rowsAfterHeader(figures).find((r) => text(r.getCell(2)) === 'Xây dựng chuyên mục hỏi đáp CCHC trên Cổng TTĐT')!;
    for (let c = 4; c <= figures.columnCount; c++) expect(task.getCell(c).value ?? null).toBeNull();
  });
});

describe('writeReportAnnexXlsx: sheet "Minh chứng"', () => {
  it('has TT, task, date, unit, title, link, then the measures', () => {
    expect(headerOf(evidence)).toEqual(['TT', 'Nhiệm vụ', 'Ngày', 'Đơn vị', 'Tên minh chứng', 'Liên kết', ...usedLabels()]);
    expect(evidence.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
  });

  it('has one row per task and evidence line, numbered, dated dd/mm/yyyy, with its link', () => {
    const rows = rowsAfterHeader(evidence);
    expect(rows).toHaveLength(allTasks(report).reduce((s, t) => s + t.evidence.length, 0));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(rows.map((_, i) => i + 1));
    const first = rows.find((r) => text(r.getCell(5)) === 'Ban Dân tộc triển khai Kế hoạch CCHC năm 2024')!;
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2024, 0, 10)));
    expect(first.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(text(first.getCell(4))).toBe(HC_TH);
    expect(first.getCell(6).value).toMatchObject({ hyperlink: 'https://bdt.bacgiang.gov.vn/tin/ke-hoach-cchc-2024' });
    const shared = rows.filter((r) => text(r.getCell(5)).startsWith('Ban Dân tộc lồng ghép'));
    expect(shared.map((r) => text(r.getCell(2)))).toEqual([allTasks(report)[0]!.content, allTasks(report)[7]!.content]);
  });

  it('says so when there is no evidence', async () => {
    const empty = quarterReport();
    for (const group of empty.groups) for (const task of group.tasks) { task.evidence = []; task.byUnit = {}; task.totals = {}; }
    empty.totals = {};
    const workbook = await load(empty);
    const sheet = workbook.getWorksheet('Minh chứng')!;
    expect(headerOf(sheet)).toEqual(['TT', 'Nhiệm vụ', 'Ngày', 'Đơn vị', 'Tên minh chứng', 'Liên kết']);
    expect(text(sheet.getRow(HEADER_ROW + 1).getCell(2))).toBe('Chưa có minh chứng trong kỳ báo cáo.');
  });
});
