import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnKey } from '../../src/modules/service-stats/columns.ts';
import { readGrids } from '../../src/documents/file-grid.ts';
import { parseCount, parseMonth, parseResults, type ParseContext } from '../../src/modules/service-stats/parse.ts';

const HEADER = 'Tháng,Mã thủ tục,Lĩnh vực,Tồn kỳ trước,Tiếp nhận trực tuyến,Tiếp nhận trực tiếp,Tiếp nhận qua BCCI,Giải quyết trước hạn,Đúng hạn,Quá hạn,Đang giải quyết trong hạn,Đang giải quyết quá hạn,Trả lại,Rút hồ sơ';

const ctx = (over: Partial<ParseContext> = {}): ParseContext => ({
  format: 'csv',
  latestMonth: '2024-12',
  catalog: new Map([['1.004947', { fieldId: 'f-dt' }], ['1.012223.H38', { fieldId: 'f-dt' }], ['2.001500', { fieldId: 'f-ct' }]]),
  fields: [{ id: 'f-dt', name: 'Công tác dân tộc' }, { id: 'f-ct', name: 'Chính sách' }, { id: 'f-tg', name: 'Tôn giáo' }],
  existing: [],
  ...over,
});

const csv = async (text: string) => readGrids('ket-qua.csv', Buffer.from(text, 'utf8'));

describe('processing results: headers', () => {
  it.each([
    [['Tháng'], 'month'], [['Kỳ báo cáo'], 'month'], [['Mã TTHC'], 'procedureCode'], [['Mã số thủ tục'], 'procedureCode'], [['Tên lĩnh vực'], 'field'],
    [['Tên thủ tục hành chính'], 'procedureName'], [['STT'], 'ignore'],
    [['Tồn kỳ trước'], 'carriedOver'], [['Số kỳ trước chuyển qua'], 'carriedOver'], [['TON KY TRUOC'], 'carriedOver'],
    [['Tiếp nhận trực tuyến'], 'receivedOnline'], [['Tiếp nhận trực tiếp'], 'receivedInPerson'], [['Tiếp nhận qua BCCI'], 'receivedPostal'], [['Qua dịch vụ bưu chính công ích'], 'receivedPostal'],
    [['Số mới tiếp nhận (trực tiếp hoặc dịch vụ bưu chính)'], 'receivedInPerson'],
    [['Giải quyết trước hạn'], 'settledEarly'], [['Đúng hạn'], 'settledOnTime'], [['Quá hạn'], 'settledLate'],
    [['Đang giải quyết trong hạn'], 'pendingWithin'], [['Đang giải quyết quá hạn'], 'pendingOverdue'], [['Chưa giải quyết', 'Quá hạn'], 'pendingOverdue'],
    [['Đã giải quyết', 'Quá hạn'], 'settledLate'], [['Đã giải quyết', 'Trong hạn'], 'settledOnTime'], [['Đang giải quyết', 'Trong hạn'], 'pendingWithin'],
    [['Số hồ sơ nhận giải quyết', 'Trực tuyến'], 'receivedOnline'], [['Số hồ sơ nhận giải quyết', 'Tổng số'], 'ignore'],
    [['Trả lại'], 'returned'], [['Từ chối'], 'returned'], [['Rút hồ sơ'], 'withdrawn'], [['Tỉ lệ đúng hạn (%)'], 'ignore'], [['Ghi chú'], 'ignore'], [['Người ký'], null],
  ])('%j → %s', (parts, key) => {
    expect(columnKey(parts as string[])).toBe(key);
  });
});

describe('processing results: values', () => {
  it.each([['03/2024', '2024-03'], ['3/2024', '2024-03'], ['2024-03', '2024-03'], ['Tháng 3/2024', '2024-03'], ['T3/2024', '2024-03'], ['tháng 03 năm 2024', '2024-03'], ['15/03/2024', '2024-03'], ['13/2024', null], ['2024', null], ['abc', null], ['03/1999', null]])('month %s → %s', (text, month) => {
    expect(parseMonth(text)).toBe(month);
  });

  it('counts: blank and dash are 0, thousands grouped in CSV, negatives and fractions refused', () => {
    expect(parseCount('', 'csv')).toEqual({ value: 0 });
    expect(parseCount('-', 'xlsx')).toEqual({ value: 0 });
    expect(parseCount('1.234', 'csv')).toEqual({ value: 1234 });
    expect(parseCount('1,234', 'csv')).toEqual({ value: 1234 });
    expect(parseCount(' 12 ', 'xlsx')).toEqual({ value: 12 });
    expect(parseCount('1.5', 'xlsx')).toHaveProperty('error');
    expect(parseCount('1.234', 'xlsx')).toHaveProperty('error');
    expect(parseCount('2,5', 'csv')).toHaveProperty('error');
    expect((parseCount('-3', 'csv') as { error: string }).error).toMatch(/âm/);
    expect((parseCount('mười', 'csv') as { error: string }).error).toMatch(/không phải số/);
  });
});

describe('processing results: reading a file', () => {
  it('reads a clean CSV (semicolons, BOM) per procedure and per field, flagging figures that do not add up', async () => {
    const text = `\uFEFF${HEADER.replaceAll(',', ';')}\n03/2024;1.004947;;2;10;5;1;6;8;1;2;0;1;0\n03/2024;;tôn giáo;0;4;3;0;2;4;0;1;0;0;0\n04/2024;1.012223.h38;;0;1;1;0;1;0;0;0;0;0;0\n`;
    const r = parseResults((await csv(text)).grids, ctx());
    expect(r.fileErrors).toEqual([]);
    expect(r.rowErrors).toEqual([]);
    expect(r.headerRow).toBe(1);
    expect(r.good.map((g) => [g.row, g.month, g.procedureCode, g.fieldId])).toEqual([[2, '2024-03', '1.004947', 'f-dt'], [3, '2024-03', null, 'f-tg'], [4, '2024-04', '1.012223.H38', 'f-dt']]);
    expect(r.good[0]!.figures).toMatchObject({ carriedOver: 2, receivedPostal: 1, settledLate: 1, returned: 1 });
    const unbalanced = r.warnings.filter((w) => /không cân đối/.test(w.message));
    expect(unbalanced.map((w) => w.row)).toEqual([4]);
  });

  it('reports every bad row by row and column, in Vietnamese', async () => {
    const text = [
      HEADER,
      '03/2024,1.004947,,2,10,5,1,6,8,1,2,0,1,0',
      '13/2024,1.004947,,0,0,0,0,0,0,0,0,0,0,0',
      '04/2024,9.999999,,0,0,0,0,0,0,0,0,0,0,0',
      '04/2024,,Lĩnh vực lạ,0,0,0,0,0,0,0,0,0,0,0',
      '04/2024,2.001500,,-1,abc,2.5,0,0,0,0,0,0,0,0',
      '03/2024,1.004947,,2,10,5,1,6,8,1,2,0,1,0',
      '05/2025,2.001500,,0,0,0,0,0,0,0,0,0,0,0',
      'Tổng cộng,,,4,20,10,2,12,16,2,4,0,2,0',
    ].join('\n');
    const r = parseResults((await csv(text)).grids, ctx());
    expect(r.fileErrors).toEqual([]);
    expect(r.good.map((g) => g.row)).toEqual([2]);
    expect(r.skipped).toBe(1);
    const byRow = (row: number) => r.rowErrors.filter((e) => e.row === row);
    expect(byRow(3)[0]).toMatchObject({ column: 'A (Tháng)', message: expect.stringMatching(/không phải tháng hợp lệ/) });
    expect(byRow(4)[0]).toMatchObject({ column: 'B (Mã thủ tục)', message: expect.stringMatching(/không có trong danh mục/) });
    expect(byRow(5)[0]).toMatchObject({ column: 'C (Lĩnh vực)', message: expect.stringMatching(/Lĩnh vực "Lĩnh vực lạ" không có/) });
    expect(byRow(6).map((e) => e.column)).toEqual(['D (Tồn kỳ trước)', 'E (Tiếp nhận trực tuyến)', 'F (Tiếp nhận trực tiếp)']);
    expect(byRow(6).map((e) => e.message)).toEqual([expect.stringMatching(/âm/), expect.stringMatching(/không phải số/), expect.stringMatching(/không phải số nguyên/)]);
    expect(byRow(7)[0]!.message).toMatch(/Trùng với dòng 2/);
    expect(byRow(8)[0]!.message).toMatch(/chưa tới/);
  });

  it('refuses a file without the required columns, naming each one', async () => {
    const r = parseResults((await csv('Mã thủ tục,Tồn kỳ trước,Tiếp nhận trực tuyến,Tiếp nhận trực tiếp\n1.004947,1,2,3\n')).grids, ctx());
    const messages = r.fileErrors.map((e) => e.message);
    expect(messages).toContain('Thiếu cột "Tháng" (hoặc chọn tháng của số liệu khi nhập).');
    expect(messages).toEqual(expect.arrayContaining(['Thiếu cột "Giải quyết trước hạn".', 'Thiếu cột "Đang giải quyết quá hạn".']));
    expect(r.good).toEqual([]);
  });

  it('takes the chosen month when the file has none, and refuses double counting a field', async () => {
    const text = 'Mã thủ tục,Lĩnh vực,Tồn kỳ trước,Trực tuyến,Trực tiếp,Trước hạn,Đúng hạn,Quá hạn,Đang giải quyết trong hạn,Đang giải quyết quá hạn\n1.004947,,0,1,0,1,0,0,0,0\n,Công tác dân tộc,0,1,0,1,0,0,0,0\n,Chính sách,0,1,0,1,0,0,0,0\n';
    const r = parseResults((await csv(text)).grids, ctx({ defaultMonth: '2024-06', existing: [{ month: '2024-06', procedureCode: '2.001500', fieldId: 'f-ct' }] }));
    expect(r.good.map((g) => [g.month, g.procedureCode])).toEqual([['2024-06', '1.004947']]);
    expect(r.rowErrors.map((e) => e.row)).toEqual([3, 4]);
    expect(r.rowErrors[0]!.message).toMatch(/đã có số liệu theo từng thủ tục của lĩnh vực "Công tác dân tộc"/);
    expect(r.warnings.map((w) => w.message)).toContain('Không có cột "Tiếp nhận qua BCCI": tính là 0.');
  });

  it('reads an XLSX export with a title, a two-row grouped header, column numbers and a total row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Báo cáo');
    ws.addRow(['BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH']);
    ws.mergeCells('A1:M1');
    ws.addRow(['STT', 'Kỳ', 'Mã TTHC', 'Tên thủ tục', 'Tồn kỳ trước', 'Tiếp nhận', '', '', 'Đã giải quyết', '', '', 'Đang giải quyết', '']);
    ws.addRow(['', '', '', '', '', 'Trực tuyến', 'Trực tiếp', 'Bưu chính', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Trong hạn', 'Quá hạn']);
    for (const c of ['A', 'B', 'C', 'D', 'E']) ws.mergeCells(`${c}2:${c}3`);
    ws.mergeCells('F2:H2');
    ws.mergeCells('I2:K2');
    ws.mergeCells('L2:M2');
    ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)', '(12)', '(13)']);
    ws.addRow([1, 'Tháng 3/2024', '1.004947', 'Công nhận người có uy tín', 1, 4, 2, 0, 3, 2, 0, 2, 0]);
    ws.addRow([2, new Date(Date.UTC(2024, 2, 1)), '2.001500', 'Chính sách', 0, 2, 0, 0, 1, 0, 1, 0, 0]);
    ws.addRow(['', 'Tổng cộng', '', '', 1, 6, 2, 0, 4, 2, 1, 2, 0]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const grids = await readGrids('bao-cao.xlsx', bytes);
    expect(grids.format).toBe('xlsx');
    const r = parseResults(grids.grids, ctx({ format: 'xlsx' }));
    expect(r.fileErrors).toEqual([]);
    expect(r.rowErrors).toEqual([]);
    expect(r.headerRow).toBe(3);
    expect(r.columns.find((c) => c.column === 'M')).toMatchObject({ header: 'Đang giải quyết / Quá hạn', key: 'pendingOverdue' });
    expect(r.columns.find((c) => c.column === 'K')).toMatchObject({ key: 'settledLate' });
    expect(r.good.map((g) => [g.row, g.month, g.procedureCode])).toEqual([[5, '2024-03', '1.004947'], [6, '2024-03', '2.001500']]);
    expect(r.good[0]!.figures).toMatchObject({ carriedOver: 1, receivedOnline: 4, receivedInPerson: 2, settledEarly: 3, settledOnTime: 2, pendingWithin: 2 });
    expect(r.skipped).toBe(2);
    // Tên thủ tục is recognised and left out; no returned/withdrawn columns: 0 with a warning.
    expect(r.warnings.map((w) => w.message)).toEqual(expect.arrayContaining(['Không có cột "Trả lại": tính là 0.', 'Không có cột "Rút hồ sơ": tính là 0.']));
  });

  it('refuses what is not a results file', async () => {
    await expect(readGrids('cu.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow(/97-2003/);
    await expect(readGrids('latin1.csv', new Uint8Array([0x54, 0xe1, 0x6e, 0x67]))).rejects.toThrow(/UTF-8/);
    const r = parseResults((await csv('Xin chào\nkhông phải bảng\n')).grids, ctx());
    expect(r.fileErrors[0]!.message).toMatch(/Không tìm thấy dòng tiêu đề/);
  });
});
