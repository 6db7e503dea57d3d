import type { Actor } from '../../platform/access.ts';
import { foldVi } from '../../platform/vi-text.ts';
import type { PlansService } from '../plans/service.ts';
import type { ProcedureDataValue } from './procedure-data.ts';
import type { ProceduresService } from './service.ts';

/** The legal basis of the "người có uy tín" procedures (real documents). */
const UY_TIN_BASIS = [
  'Quyết định số 12/2018/QĐ-TTg ngày 06/3/2018 của Thủ tướng Chính phủ về tiêu chí lựa chọn, công nhận người có uy tín và chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số',
  'Quyết định số 28/2023/QĐ-TTg ngày 23/11/2023 của Thủ tướng Chính phủ sửa đổi, bổ sung một số điều của Quyết định số 12/2018/QĐ-TTg',
];

const base = (code: string, name: string, extra: Partial<ProcedureDataValue> = {}): ProcedureDataValue => ({
  code, name: `${name} (mẫu)`, field: 'Công tác dân tộc', level: 'Cấp tỉnh', implementingAgency: 'Ủy ban nhân dân tỉnh; cơ quan công tác dân tộc cấp tỉnh',
  steps: [
    'Bước 1: Trưởng thôn, bản tổ chức họp lấy ý kiến, lập danh sách đề nghị gửi Ủy ban nhân dân cấp xã.',
    'Bước 2: Ủy ban nhân dân cấp xã xem xét, tổng hợp, gửi cơ quan công tác dân tộc cấp huyện.',
    'Bước 3: Cơ quan công tác dân tộc cấp tỉnh thẩm định, trình Chủ tịch Ủy ban nhân dân tỉnh quyết định.',
  ],
  channels: [
    { channel: 'in_person', processingTime: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', fee: 'Không', description: 'Nộp tại Bộ phận Một cửa' },
    { channel: 'postal', processingTime: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', fee: 'Không', description: 'Gửi qua dịch vụ bưu chính công ích' },
  ],
  processingDays: 10, onlineLevel: null,
  dossier: [{ name: 'Văn bản đề nghị của Ủy ban nhân dân cấp huyện', originals: 1, copies: 0 }, { name: 'Danh sách đề nghị kèm biên bản họp thôn, bản', originals: 1, copies: 0 }],
  applicants: 'Cá nhân là người dân tộc thiểu số cư trú hợp pháp tại địa phương', result: 'Quyết định của Chủ tịch Ủy ban nhân dân tỉnh',
  forms: [], conditions: 'Đáp ứng các tiêu chí lựa chọn người có uy tín theo quy định', legalBasis: UY_TIN_BASIS, ...extra,
});

/** Demo procedures: codes start with "MAU" and names end with "(mẫu)", so none passes for a real catalog entry. */
const CATALOG: ProcedureDataValue[] = [
  base('MAU.000001', 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số'),
  base('MAU.000002', 'Đưa ra khỏi danh sách người có uy tín trong đồng bào dân tộc thiểu số'),
  base('MAU.000003', 'Thay thế người có uy tín trong đồng bào dân tộc thiểu số'),
  base('MAU.000004', 'Xác nhận danh sách thôn, bản đặc biệt khó khăn', { legalBasis: ['Văn bản hướng dẫn của Ủy ban Dân tộc (mẫu)'] }),
];

/**
 * Demo catalog of the ethnic-affairs agency and one announcement decision of each change kind,
 * applied and linked to the seed plan's task on publishing procedures (so it is evidence).
 */
export async function seedDemoProcedures(deps: { procedures: ProceduresService; plans: PlansService }, agencyId: string, planId: string) {
  const seeder: Actor = { userId: '', agencyId, unitId: null, email: 'system', fullName: 'Dữ liệu mẫu', roles: ['coordinator'] };
  const plan = await deps.plans.planTasks(agencyId, planId);
  for (const p of CATALOG) await deps.procedures.catalog.save(seeder, p, `${plan?.year ?? 2024}-01-01`, { isDemo: true });
  const year = plan?.year ?? 2024;
  const task = plan?.tasks.find((t) => t.kind === 'task' && /tthc/.test(foldVi(t.content)) && /cap nhat|cong khai|dang tai/.test(foldVi(t.content)));
  const decisionId = await deps.procedures.decisions.createAs(seeder, {
    numberSymbol: 'MẪU 01/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh (mẫu)', signedOn: `${year}-03-15`, effectiveOn: `${year}-03-20`, taskIds: task ? [task.id] : [],
    items: [
      { changeKind: 'amended', code: 'MAU.000001', data: { ...CATALOG[0]!, processingDays: 7, channels: CATALOG[0]!.channels.map((c) => ({ ...c, processingTime: '07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ' })) } },
      { changeKind: 'abolished', code: 'MAU.000004' },
      { changeKind: 'new', code: 'MAU.000005', data: base('MAU.000005', 'Hỗ trợ người có uy tín khi ốm đau') },
      { changeKind: 'replaced', code: 'MAU.000006', replacesCode: 'MAU.000003', data: base('MAU.000006', 'Thay thế, bổ sung người có uy tín trong đồng bào dân tộc thiểu số') },
    ],
  });
  await deps.procedures.decisions.apply(seeder, decisionId);
  await deps.procedures.decisions.markPosted(seeder, decisionId, `${year}-03-19`);
  return { procedures: CATALOG.length + 2, decisions: 1 };
}
