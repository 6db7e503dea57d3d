import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, appendixColumns, appendixRows, taskCell } from '../../../src/documents/decree30/appendix-rows.ts';
import { bacGiangPlan } from './plans.ts';

const appendix = bacGiangPlan().appendix!;

describe('appendixRows', () => {
  it('puts each group just before its first task, ancestors first, as the signed plan does', () => {
    const rows = appendixRows(appendix).map((r) => (r.kind === 'group' ? `G ${r.code} ${r.label}` : `T ${r.label}`));
    expect(rows).toEqual([
      'T A',
      'G B B', 'G B.1 1', 'T -', 'T -', 'T -', 'T -', 'T -',
      'G B.2 2', 'T -', 'T -',
    ]);
  });

  it('keeps groups that have no task, after the rest', () => {
    const rows = appendixRows({ ...appendix, groups: [...appendix.groups, { code: 'C', title: 'Nhóm trống' }] });
    expect(rows.at(-1)).toMatchObject({ kind: 'group', code: 'C', label: 'C', title: 'Nhóm trống' });
    expect(rows.filter((r) => r.kind === 'group')).toHaveLength(4);
  });

  it('fills task cells from the task fields, co-operating units joined', () => {
    const task = appendixRows(appendix).find((r) => r.kind === 'task');
    if (task?.kind !== 'task') throw new Error('no task row');
    expect(DEFAULT_COLUMNS.map((c) => taskCell(task, c.field))).toEqual(
      ['A', 'Xây dựng Kế hoạch tuyên truyền năm 2024', 'Phòng HC-TH', 'Các phòng chuyên môn', 'Kế hoạch', 'T2/2024']);
    const twoUnits = { ...task, task: { ...task.task, coop: ['Phòng KH-TT', 'Văn phòng'] } };
    expect(taskCell(twoUnits, 'coop')).toBe('Phòng KH-TT, Văn phòng');
  });
});

describe('appendixColumns', () => {
  it('ties the signed plan columns to the task fields in their order', () => {
    expect(appendixColumns(appendix.columns)).toEqual(DEFAULT_COLUMNS);
  });

  it('keeps a plan\'s own titles and adds the fields it leaves out', () => {
    const columns = appendixColumns(['STT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Thời hạn']);
    expect(columns.map((c) => `${c.field}:${c.title}`)).toEqual([
      'tt:STT', 'content:Nội dung công việc', 'lead:Đơn vị chủ trì', 'due:Thời hạn', 'coop:Phòng phối hợp', 'product:Kết quả/sản phẩm',
    ]);
  });

  it('adds the TT column first when a plan has none', () => {
    expect(appendixColumns([])[0]).toEqual({ title: 'TT', field: 'tt' });
  });
});
