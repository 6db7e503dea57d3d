/**
 * A consolidated report for the report writer tests: Ban Dân tộc tỉnh Bắc Giang, Quý I/2024, 3
 * groups, 8 tasks, 3 units. The evidence lines are written out and every figure (per task, per
 * task and unit, for the period) is summed from them the way the reporting module does, so the
 * tests can trace each printed number back to its evidence.
 */
import { MEASURES } from '../../../src/modules/evidence/measures.ts';
import type { ReportDocument, ReportEvidenceLine, ReportTaskResult } from '../../../src/documents/report-document.ts';

export const HC_TH = 'Phòng HC-TH';
export const CHINH_SACH = 'Phòng Chính sách';
export const THANH_TRA = 'Thanh tra Ban';
/** The name the reporting module counts evidence without a unit under. */
export const NO_UNIT = 'Không rõ đơn vị';

const line = (date: string, title: string, unit: string | null, quantities: Record<string, number>, link: string | null = null): ReportEvidenceLine =>
  ({ date, title, unit, link, quantities });

/** An article that serves two tasks: counted in each task, once in the period totals. */
const SHARED = line('2024-02-20', 'Ban Dân tộc lồng ghép tuyên truyền CCHC trong hội nghị triển khai chính sách dân tộc', CHINH_SACH, { articles: 1 }, 'https://bdt.bacgiang.gov.vn/tin/long-ghep-cchc');

function sum(into: Record<string, number>, quantities: Record<string, number>): void {
  for (const [m, q] of Object.entries(quantities)) into[m] = (into[m] ?? 0) + q;
}

function task(code: string | null, content: string, status: string, evidence: ReportEvidenceLine[], narratives: string[] = []): ReportTaskResult {
  const totals: Record<string, number> = {};
  const byUnit: Record<string, Record<string, number>> = {};
  for (const e of evidence) {
    sum(totals, e.quantities);
    sum((byUnit[e.unit ?? NO_UNIT] ??= {}), e.quantities);
  }
  return { code, content, lead: HC_TH, dueText: 'Cả năm 2024', status, totals, byUnit, narratives, evidence };
}

export function quarterReport(overrides: Partial<ReportDocument> = {}): ReportDocument {
  const groups: ReportDocument['groups'] = [
    {
      code: 'A',
      title: 'Tuyên truyền trên Cổng Thông tin điện tử và mạng xã hội',
      tasks: [
        task('1', 'Đăng tải tin, bài về công tác CCHC trên Cổng TTĐT Ban Dân tộc', 'Hoàn thành', [
          line('2024-01-10', 'Ban Dân tộc triển khai Kế hoạch CCHC năm 2024', HC_TH, { articles: 1 }, 'https://bdt.bacgiang.gov.vn/tin/ke-hoach-cchc-2024'),
          line('2024-02-02', 'Tổng kết công tác CCHC năm 2023 và phương hướng năm 2024', HC_TH, { articles: 2 }, 'https://bdt.bacgiang.gov.vn/tin/tong-ket-cchc-2023'),
          line('2024-03-05', 'Giải đáp chính sách hỗ trợ đồng bào dân tộc thiểu số', CHINH_SACH, { articles: 2 }),
          SHARED,
        ], [`${HC_TH}: Duy trì đăng tải tin, bài hằng tuần trên chuyên mục CCHC.`]),
        task('2', 'Chia sẻ thông tin CCHC trên Fanpage Facebook, nhóm Zalo của Ban', 'Đang thực hiện', [
          line('2024-01-15', 'Chia sẻ video hướng dẫn nộp hồ sơ trực tuyến', HC_TH, { posts: 3 }, 'https://facebook.com/bandantocbacgiang/posts/1'),
          line('2024-02-28', 'Chia sẻ infographic Chỉ số PAR INDEX 2023', THANH_TRA, { posts: 2, broadcasts: 0 }),
        ]),
        task('3', 'Xây dựng chuyên mục hỏi đáp CCHC trên Cổng TTĐT', 'Chưa thực hiện', []),
      ],
    },
    {
      code: 'B',
      title: 'Công khai thủ tục hành chính',
      tasks: [
        task('4', 'Công bố, công khai, cập nhật TTHC thuộc thẩm quyền giải quyết của Ban', 'Hoàn thành', [
          line('2024-01-25', 'Công khai 5 TTHC lĩnh vực công tác dân tộc theo Quyết định 45/QĐ-UBND', HC_TH, { procedures_disclosed: 5 }),
          line('2024-03-01', 'Cập nhật TTHC sửa đổi, bổ sung trên Cơ sở dữ liệu quốc gia', HC_TH, { procedures_updated: 2 }),
        ], [`${HC_TH}: Các TTHC được niêm yết đầy đủ tại Bộ phận một cửa`]),
        task('5', 'In và phát hành tờ rơi hướng dẫn TTHC cho đồng bào vùng cao', 'Quá hạn', [
          line('2024-03-10', 'Tờ rơi hướng dẫn TTHC bằng tiếng Việt và tiếng Dao', null, { leaflets: 200 }),
        ]),
      ],
    },
    {
      code: 'C',
      title: 'Hội nghị, tập huấn',
      tasks: [
        task('6', 'Tổ chức hội nghị quán triệt, triển khai nhiệm vụ CCHC năm 2024', 'Hoàn thành', [
          line('2024-01-18', 'Hội nghị triển khai nhiệm vụ CCHC năm 2024', HC_TH, { conferences: 1, participants: 120 }),
          line('2024-02-22', 'Hội nghị đối thoại chính sách tại huyện Sơn Động', CHINH_SACH, { conferences: 1, participants: 230 }),
        ]),
        task('7', 'Tập huấn nghiệp vụ CCHC cho công chức của Ban', 'Hoàn thành', [
          line('2024-03-12', 'Lớp tập huấn kỹ năng giải quyết TTHC trên môi trường điện tử', THANH_TRA, { trainings: 1, participants: 45 }),
        ], [`${THANH_TRA}: Mời giảng viên Sở Nội vụ.`, `${HC_TH}: Chuẩn bị tài liệu tập huấn.`]),
        task(null, 'Lồng ghép tuyên truyền CCHC trong các hội nghị chuyên môn, các văn bản chỉ đạo', 'Có nguy cơ chậm', [
          SHARED,
          line('2024-02-05', 'Công văn đôn đốc thực hiện nhiệm vụ CCHC', CHINH_SACH, { documents: 3 }),
        ]),
      ],
    },
  ];

  const unique = new Set(groups.flatMap((g) => g.tasks.flatMap((t) => t.evidence)));
  const totals: Record<string, number> = { contests: 0 };
  for (const e of unique) sum(totals, e.quantities);

  return {
    numberText: '05/BC-BDT',
    place: 'Bắc Giang',
    date: '2024-04-05',
    periodLabel: 'Quý I/2024',
    periodStart: '2023-12-15',
    periodEnd: '2024-03-14',
    planReference: 'Kế hoạch số 05/KH-BDT ngày 05/02/2024 của Ban Dân tộc về tuyên truyền cải cách hành chính năm 2024',
    title: 'Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính Quý I/2024',
    measureLabels: { ...MEASURES },
    totals,
    completionRate: 0.5,
    groups,
    units: [
      { name: HC_TH, status: 'approved', difficulties: 'Kinh phí cho hoạt động tuyên truyền còn hạn chế.', proposals: 'Đề nghị bố trí thêm kinh phí in tài liệu tuyên truyền' },
      { name: CHINH_SACH, status: 'approved', difficulties: 'Địa bàn vùng cao rộng, đi lại khó khăn\nMột số thôn chưa có sóng điện thoại', proposals: '' },
      { name: THANH_TRA, status: 'submitted', difficulties: '', proposals: '  ' },
    ],
    nextTasks: [
      { content: 'Tổ chức Hội thi tìm hiểu về CCHC năm 2024', lead: HC_TH, dueText: 'Quý II/2024' },
      { content: 'Khảo sát mức độ hài lòng của người dân', lead: THANH_TRA, dueText: 'Tháng 6/2024' },
    ],
    recipients: ['Sở Nội vụ', 'Lãnh đạo Ban', 'Các phòng, đơn vị thuộc Ban', 'Lưu: VT, HCTH'],
    signer: { authority: 'KT. TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'Nguyễn Văn Minh' },
    draft: false,
    ...overrides,
  };
}

/** Every task of the report, in order. */
export function allTasks(report: ReportDocument): ReportTaskResult[] {
  return report.groups.flatMap((g) => g.tasks);
}
