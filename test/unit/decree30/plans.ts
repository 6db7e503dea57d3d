/**
 * Plans for the writer tests: the Bắc Giang 2024 plan transcribed by hand from the signed plan's
 * text and its expected import (bdt-bacgiang-2024.{txt,expected.json}, kept outside this repo),
 * shortened in the body but with its appendix whole; and a generated large plan.
 */
import type { PlanDocument, PlanSection, PlanTaskRow } from '../../../src/documents/plan-document.ts';
import type { HeaderNames } from '../../../src/documents/decree30/plan-docx.ts';

const s = (number: string, heading: string, paragraphs: string[] = [], children: PlanSection[] = []): PlanSection =>
  ({ number, heading, paragraphs, children });
const dash = (text: string): PlanSection => s('-', text);

const YEAR_DUE = { kind: 'year', year: 2024, end: '2024-12-31' } as const;
const HCTH = 'Phòng HC-TH';
const CHUYEN_MON = ['Các phòng chuyên môn'];
const TIN_BAI = 'Văn bản/tin bài viết';

function yearTask(group: string, content: string, lead = HCTH, coop = CHUYEN_MON, product = TIN_BAI): PlanTaskRow {
  return { group, content, lead, coop, product, dueText: 'Cả năm 2024', due: YEAR_DUE };
}

export const BAC_GIANG_HEADER: HeaderNames = {
  parentAgency: 'UBND tỉnh Bắc Giang',
  agency: 'Ban Dân tộc tỉnh Bắc Giang',
  agencyHeader: 'Ban Dân tộc',
  place: 'Bắc Giang',
};

export const CLOSING = 'Trên đây là Kế hoạch tuyên truyền cải cách hành chính của Ban Dân tộc năm 2024; đề nghị Trưởng các phòng, đơn vị thuộc Ban căn cứ Kế hoạch tổ chức thực hiện. Trong quá trình thực hiện, có khó khăn vướng mắc, phản ánh về Phòng Hành chính – Tổng hợp báo cáo Lãnh đạo Ban điều chỉnh, giải quyết kịp thời./.';

const SECTIONS: PlanSection[] = [
  s('I', 'MỤC ĐÍCH, YÊU CẦU', [], [
    s('1', 'Mục đích', [], [
      dash('Tiếp tục nâng cao nhận thức, đẩy mạnh công tác tuyên truyền, quán triệt sâu rộng các chủ trương, đường lối, chính sách của Đảng và Nhà nước về cải CCHC;'),
      dash('Tăng cường công tác thông tin, tuyên truyền trên các thông tin đại chúng như Cổng Thông tin điện tử cơ quan, mạng xã hội...thực hiện cơ chế một cửa, một cửa liên thông, giải quyết TTHC trên môi trường mạng;'),
      dash('Tuyên truyền, quảng bá hình ảnh, thông tin về cải thiện Chỉ số CCHC (PAR INDEX), nâng cao Chỉ số năng lực cạnh tranh (PCI), Chỉ số hiệu quả quản trị hành chính công cấp tỉnh (PAPI).'),
    ]),
    s('2', 'Yêu cầu', [], [
      dash('Công tác tuyên truyền CCHC bám sát chủ đề năm 2024 của Chính phủ: "Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, hiệu quả bền vững";'),
      dash('Đa dạng hóa các hình thức tuyên truyền, tận dụng tối đa lợi thế của các ứng dụng mạng xã hội, đảm bảo đồng loạt, tạo hiệu ứng tích cực.'),
    ]),
  ]),
  s('II', 'NỘI DUNG TUYÊN TRUYỀN', [], [
    s('1', 'Tuyên truyền các quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về CCHC; vai trò, trách nhiệm của người đứng đầu các cơ quan, địa phương trong triển khai nhiệm vụ CCHC ở từng cấp, ngành, đơn vị, từng lĩnh vực.'),
    s('2', 'Tiếp tục tuyên truyền tầm quan trọng, ý nghĩa, mục tiêu và tác động tích cực của công tác CCHC đối với sự phát triển kinh tế - xã hội của đất nước, của tỉnh.'),
    s('3', 'Tuyên truyền công tác chỉ đạo quyết liệt của Tỉnh ủy, UBND tỉnh nhằm tiếp tục duy trì, cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), Chỉ số CCHC (PAR Index), Chỉ số hiệu quả quản trị và hành chính công (PAPI), Chỉ số hài lòng (SIPAS).'),
    s('4', 'Tích cực tuyên truyền các nội dung trong công tác CCHC gồm: cải cách thể chế; cải cách TTHC; cải cách tổ chức bộ máy HCNN; trong đó tập trung vào nhiệm vụ trọng tâm như sau:', [
      'Tuyên truyền hệ thống văn bản quy phạm pháp luật của tỉnh và việc tổ chức thi hành pháp luật đồng bộ trên tất cả các lĩnh vực.',
      'Tuyên truyền công tác quản lý ngân sách tài chính; việc thực hiện quy chế dân chủ và công khai tài chính, thực hành tiết kiệm, chống lãng phí.',
    ]),
    s('5', 'Tuyên truyền công tác chỉ đạo, điều hành của BCĐ CCHC tỉnh, Ban Chỉ đạo Chuyển đổi số tỉnh Bắc Giang.'),
    s('6', 'Tuyên truyền sáng kiến mới, tiêu biểu trong công tác CCHC của cơ quan và các đơn vị khác; phản ánh kịp thời những vấn đề bất cập, tồn tại, khó khăn trong công tác CCHC.'),
  ]),
  s('III', 'HÌNH THỨC TUYÊN TRUYỀN', [], [
    s('1', 'Tuyên truyền thông qua các phương tiện thông tin đại chúng, ứng dụng mạng xã hội', [
      'Thông tin, tuyên truyền về CCHC thông qua Cổng thông tin điện tử Ban Dân tộc, Facebook, Zalo Ban Dân tộc…',
    ]),
    s('2', 'Công khai các TTHC ở cơ quan', [], [
      dash('Kịp thời công bố, công khai đầy đủ các TTHC trên Cổng TTĐT của Ban Dân tộc, niêm yết tại Bộ phận tiếp nhận và trả kết quả.'),
      dash('Thường xuyên, kịp thời cập nhật các TTHC đã được công bố ban hành mới, được sửa đổi, bổ sung, bị bãi bỏ, thay thế.'),
    ]),
    s('3', 'Tuyên truyền thông qua các Hội nghị, tập huấn', [], [
      dash('Tuyền truyền, quán triệt tới cán bộ, công chức, người lao động trong cơ quan Ban Dân tộc tại các cuộc họp hoặc các cuộc tuyên truyền riêng.'),
    ]),
    s('4', 'Kinh phí thực hiện: Bố trí từ nguồn kinh phí thực hiện các nhiệm vụ trong dự toán ngân sách được giao và lồng ghép nguồn vốn thực hiện các chương trình, chính sách tại cơ sở năm 2024.'),
  ]),
  s('IV', 'TỔ CHỨC THỰC HIỆN', [], [
    s('1', 'Các phòng, đơn vị có trách nhiệm triển khai thực hiện Kế hoạch tuyên truyền cải cách hành chính năm 2024 của cơ quan; tổng hợp, báo cáo kết quả thực hiện về Phòng Hành chính - Tổng hợp.'),
    // The type has no closing field: the closing paragraph rides on the last section's body.
    s('2', 'Giao phòng Hành chính - Tổng hợp theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này; tổng hợp, báo cáo tiến độ, kết quả thực hiện theo quy định.', [CLOSING]),
  ]),
];

const TASKS: PlanTaskRow[] = [
  { group: null, code: 'A', content: 'Xây dựng Kế hoạch tuyên truyền năm 2024', lead: HCTH, coop: CHUYEN_MON, product: 'Kế hoạch', dueText: 'T2/2024', due: { kind: 'month', year: 2024, month: 2, end: '2024-02-29' } },
  yearTask('B.1', 'Đăng tải lên Cổng TTĐT các văn bản liên quan đến TTHC của cơ quan; cơ chế một cửa, một cửa liên thông, Kết quả giải quyết TTHC. Cập nhật danh mục, quy trình giải quyết TTHC theo cơ chế một cửa, một cửa liên thông trên hệ thống phần mềm một cửa điện tử'),
  yearTask('B.1', 'Công khai các TTHC tại Bộ phận một cửa trên Cổng TTĐT'),
  yearTask('B.1', 'Duy trì chuyên mục về CCHC trên Cổng TTĐT. Đăng tải các tin, bài viết truyên truyền về điển hình tiên tiến, sáng kiến CCHC…thuộc lĩnh vực quản lý'),
  yearTask('B.1', 'Tuyên truyền các hoạt động PCI của tỉnh, cơ quan; Chuyển đổi số, ứng dụng công nghệ thông tin; ISO 9001:2015'),
  yearTask('B.1', 'Tuyên truyền việc đảm bảo an toàn, an ninh, thông tin, theo dõi, đấu tranh, phản bác các thông tin xấu độc trên môi trường mạng', 'Các phòng chuyên môn, đơn vị', []),
  yearTask('B.2', 'Lồng ghép tuyên truyền CCHC tại các Hội nghị tập huấn ở cơ sở cho bà con vùng đồng bào dân tộc thiểu số, đội ngũ người có uy tín', HCTH, CHUYEN_MON, 'Văn bản/tin bài viết/số Hội nghị'),
  yearTask('B.2', 'Lồng ghép tuyên truyền CCHC vào Hội thi tìm hiểu pháp luật về lĩnh vực công tác dân tộc (nếu có)', 'Phòng KH-TT', CHUYEN_MON, 'Văn bản/tin bài viết/số Hội nghị'),
];

/** The signed Bắc Giang plan; the signer is invented (the extracted text has none). */
export function bacGiangPlan(overrides: Partial<PlanDocument> = {}): PlanDocument {
  return {
    docType: 'KH',
    title: 'Tuyên truyền cải cách hành chính nhà nước năm 2024',
    year: 2024,
    issuer: 'Ban Dân tộc',
    parentAgency: 'UBND TỈNH BẮC GIANG',
    province: 'Bắc Giang',
    numberText: '05/KH-BDT',
    numberSuffix: 'KH-BDT',
    place: 'Bắc Giang',
    signDate: '2024-02-05',
    basis: [{ text: 'Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh, về việc tuyên truyền cải cách hành chính nhà nước tỉnh Bắc Giang năm 2024', type: 'Kế hoạch', number: '14/KH-UBND', date: '2024-01-21', issuer: 'UBND tỉnh' }],
    theme: 'Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, hiệu quả bền vững',
    sections: SECTIONS,
    budgetText: 'Bố trí từ nguồn kinh phí thực hiện các nhiệm vụ trong dự toán ngân sách được giao và lồng ghép nguồn vốn thực hiện các chương trình, chính sách tại cơ sở năm 2024.',
    budgetLines: [],
    recipients: ['Sở Nội vụ', 'Sở Thông tin và Truyền thông', 'Lãnh đạo Ban', 'Các phòng chuyên môn, đơn vị', 'Lưu: VT, HCTH'],
    signer: { authority: 'KT. Trưởng ban', title: 'Phó Trưởng ban', name: 'Nguyễn Văn Minh' },
    channels: ['Cổng Thông tin điện tử', 'Facebook', 'Zalo'],
    indices: ['PAR INDEX', 'PCI', 'PAPI', 'SIPAS'],
    appendix: {
      title: 'NỘI DUNG, NHIỆM VỤ TUYÊN TRUYỀNCẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC CỦA BAN DÂN TỘC NĂM 2024',
      columns: ['TT', 'Nội dung, nhiệm vụ', 'Phòng chủ trì', 'Phòng phối hợp', 'Kết quả/sản phẩm', 'Thời gian hoàn thành'],
      groups: [
        { code: 'B', title: 'Công tác tuyên truyền' },
        { code: 'B.1', title: 'Tuyên truyền trên Cổng Thông tin điện tử, mạng xã hội' },
        { code: 'B.2', title: 'Tuyên truyền thông qua các hình thức: Hội nghị, tập huấn và các hình thức khác' },
      ],
      tasks: TASKS,
    },
    warnings: [],
    ...overrides,
  };
}

const LEADS = ['Phòng HC-TH', 'Phòng KH-TT', 'Phòng Chính sách', 'Thanh tra Ban'];

/** A plan with `taskCount` tasks in 10 groups of 2 levels, for size and timing. */
export function largePlan(taskCount: number): PlanDocument {
  const groups = Array.from({ length: 10 }, (_, i) => [
    { code: String.fromCharCode(65 + Math.floor(i / 5)), title: `Nhóm nhiệm vụ ${String.fromCharCode(65 + Math.floor(i / 5))}` },
    { code: `${String.fromCharCode(65 + Math.floor(i / 5))}.${(i % 5) + 1}`, title: `Tuyên truyền nội dung số ${i + 1} về cải cách hành chính` },
  ]).flat().filter((g, i, all) => all.findIndex((o) => o.code === g.code) === i);
  const leaves = groups.filter((g) => g.code.includes('.'));
  const tasks: PlanTaskRow[] = Array.from({ length: taskCount }, (_, i) => ({
    group: leaves[Math.floor((i * leaves.length) / taskCount)]?.code ?? null,
    content: `Nhiệm vụ số ${i + 1}: đăng tải tin, bài viết tuyên truyền cải cách thủ tục hành chính, chuyển đổi số và Đề án 06 trên Cổng Thông tin điện tử, Facebook, Zalo của cơ quan`,
    lead: LEADS[i % LEADS.length] ?? 'Phòng HC-TH',
    coop: ['Các phòng chuyên môn', 'Văn phòng Ban'].slice(0, (i % 2) + 1),
    product: 'Văn bản/tin bài viết',
    dueText: `Quý ${(i % 4) + 1}/2024`,
    due: { kind: 'quarter', year: 2024, quarter: ((i % 4) + 1) as 1 | 2 | 3 | 4, end: ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'][i % 4] ?? '2024-12-31' },
  }));
  const base = bacGiangPlan();
  return { ...base, appendix: { ...base.appendix!, groups, tasks } };
}
