/**
 * Plans of other agencies, written for these tests the way provincial departments, district and
 * commune People's Committees write their "Kế hoạch tuyên truyền cải cách hành chính năm 2025":
 * different headers, basis lists, numbering styles, signature blocks, and appendix tables with
 * other column sets, column orders and row numbering. Each plan is rendered as DOCX, XLSX
 * (appendix only) and pasted text by agency-render.ts; its PDF is the DOCX printed by LibreOffice
 * once (make-agency-pdfs.ts) and stored under test/fixtures/plans/agencies/.
 *
 * A plan states what it is (its rows carry their cells by meaning) and what an import must give
 * back: `expect` and every task's `end` (the deadline's last day) are written by hand.
 */

export type Kind = 'tt' | 'content' | 'lead' | 'coop' | 'product' | 'due' | 'notes' | 'budget';

export interface TaskSpec {
  tt: string;
  content: string;
  lead: string;
  coop: string[];
  product: string;
  due: string;
  /** due.end expected from the importer; null when the deadline cannot be read. */
  end: string | null;
  notes?: string;
  budget?: string;
}

export interface GroupSpec {
  tt: string;
  title: string;
  /** The group code the import must give ("B.1"). */
  code: string;
}

export type RowSpec = TaskSpec | GroupSpec;

export const isGroup = (row: RowSpec): row is GroupSpec => 'title' in row;

export interface AgencyPlan {
  id: string;
  /** Left column of the header table: parent agency, agency, "Số: …". */
  headerLeft: string[];
  placeDate: string;
  /** A decision issuing the plan: its paragraphs from "QUYẾT ĐỊNH" to its last article. */
  decision?: { paragraphs: string[]; recipients: string[]; signer: string[] };
  /** The plan from "KẾ HOẠCH" to its closing sentence. */
  body: string[];
  recipients: string[];
  signer: string[];
  appendixHead: string[];
  columns: { kind: Kind; title: string }[];
  /** Column numbers "(1) (2) …" printed under the header. */
  columnNumbers?: boolean;
  rows: RowSpec[];
  landscape: boolean;
  expect: {
    title: string;
    year: number;
    issuer: string;
    parentAgency: string | null;
    province: string | null;
    numberText: string;
    place: string;
    signDate: string;
    basis: string[];
    sections: [number: string, heading: string][];
    recipients: string[];
    signer: { authority: string | null; title: string; name: string };
    columns: string[];
    appendixTitle: string;
  };
}

const t = (tt: string, content: string, lead: string, coop: string[], product: string, due: string, end: string | null, extra: { notes?: string; budget?: string } = {}): TaskSpec =>
  ({ tt, content, lead, coop, product, due, end, ...extra });
const g = (tt: string, title: string, code = tt): GroupSpec => ({ tt, title, code });

const CANON = {
  tt: 'TT', content: 'Nội dung, nhiệm vụ', lead: 'Phòng chủ trì', coop: 'Phòng phối hợp', product: 'Kết quả/sản phẩm',
  due: 'Thời gian hoàn thành', notes: 'Ghi chú', budget: 'Kinh phí',
} as const;

/** Sở Tư pháp Lạng Sơn: I / 1 / a) / -, groups I–III with tasks 1, 2, …, six classic columns. */
const langSon: AgencyPlan = {
  id: 'lang-son-stp',
  headerLeft: ['UBND TỈNH LẠNG SƠN', 'SỞ TƯ PHÁP', 'Số: 12/KH-STP'],
  placeDate: 'Lạng Sơn, ngày 15 tháng 01 năm 2025',
  body: [
    'KẾ HOẠCH',
    'Tuyên truyền cải cách hành chính năm 2025',
    'Căn cứ Quyết định số 2150/QĐ-UBND ngày 20/12/2024 của UBND tỉnh Lạng Sơn ban hành Kế hoạch cải cách hành chính nhà nước tỉnh Lạng Sơn năm 2025;',
    'Căn cứ Kế hoạch số 05/KH-UBND ngày 08/01/2025 của UBND tỉnh Lạng Sơn về tuyên truyền cải cách hành chính năm 2025;',
    'Sở Tư pháp ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    'a) Nâng cao nhận thức của công chức, viên chức và người lao động của Sở về cải cách hành chính, nhất là cải cách thủ tục hành chính trong lĩnh vực tư pháp.',
    'b) Góp phần nâng cao Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng của người dân (SIPAS) của tỉnh Lạng Sơn.',
    '2. Yêu cầu',
    '- Tuyên truyền bám sát chủ đề năm 2025 của tỉnh: "Đổi mới, sáng tạo, tăng tốc phát triển";',
    '- Nội dung tuyên truyền thiết thực, hình thức đa dạng, phù hợp với từng đối tượng.',
    'II. NỘI DUNG TUYÊN TRUYỀN',
    '1. Các chủ trương, chính sách của Đảng, pháp luật của Nhà nước về cải cách hành chính.',
    '2. Kết quả giải quyết thủ tục hành chính lĩnh vực tư pháp, lý lịch tư pháp, công chứng, chứng thực.',
    '3. Dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia.',
    'III. HÌNH THỨC TUYÊN TRUYỀN',
    '1. Đăng tải tin, bài trên Cổng Thông tin điện tử của Sở và trang Facebook "Sở Tư pháp Lạng Sơn".',
    '2. Lồng ghép trong các hội nghị phổ biến, giáo dục pháp luật.',
    'IV. KINH PHÍ THỰC HIỆN',
    'Kinh phí thực hiện từ nguồn ngân sách nhà nước giao cho Sở năm 2025.',
    'V. TỔ CHỨC THỰC HIỆN',
    '1. Văn phòng Sở chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch.',
    '2. Các phòng, đơn vị thuộc Sở triển khai các nhiệm vụ tại Phụ lục kèm theo.',
    'Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Sở Tư pháp tỉnh Lạng Sơn./.',
  ],
  recipients: ['Nơi nhận:', '- UBND tỉnh (b/c);', '- Sở Nội vụ;', '- Ban Giám đốc Sở;', '- Các phòng, đơn vị thuộc Sở;', '- Lưu: VT, VP.'],
  signer: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', '', 'Hoàng Văn Minh'],
  appendixHead: ['Phụ lục', 'DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025', '(Kèm theo Kế hoạch số 12/KH-STP ngày 15/01/2025 của Sở Tư pháp tỉnh Lạng Sơn)'],
  columns: [
    { kind: 'tt', title: 'STT' }, { kind: 'content', title: 'Nội dung công việc' }, { kind: 'lead', title: 'Cơ quan/Đơn vị chủ trì' },
    { kind: 'coop', title: 'Cơ quan/Đơn vị phối hợp' }, { kind: 'product', title: 'Sản phẩm' }, { kind: 'due', title: 'Thời gian thực hiện' },
  ],
  columnNumbers: true,
  rows: [
    g('I', 'Công tác chỉ đạo, điều hành'),
    t('1', 'Xây dựng, ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025', 'Văn phòng Sở', ['Các phòng, đơn vị thuộc Sở'], 'Kế hoạch', 'Tháng 01/2025', '2025-01-31'),
    t('2', 'Kiểm tra, đôn đốc việc thực hiện Kế hoạch tại các đơn vị thuộc Sở', 'Văn phòng Sở', ['Thanh tra Sở'], 'Thông báo kết quả kiểm tra', 'Quý III/2025', '2025-09-30'),
    g('II', 'Tuyên truyền trên các phương tiện thông tin'),
    t('1', 'Duy trì chuyên mục cải cách hành chính trên Cổng Thông tin điện tử của Sở', 'Văn phòng Sở', ['Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp'], 'Tin, bài', 'Thường xuyên', '2025-12-31'),
    t('2', 'Đăng tải, cập nhật thủ tục hành chính mới, sửa đổi, bổ sung, bãi bỏ lên Cổng Dịch vụ công và Cổng Thông tin điện tử', 'Phòng Hành chính tư pháp', ['Văn phòng Sở'], 'Danh mục thủ tục hành chính', 'Trong vòng 05 ngày làm việc', null),
    t('3', 'Phối hợp với Báo Lạng Sơn, Đài Phát thanh và Truyền hình tỉnh xây dựng phóng sự về cải cách thủ tục hành chính lĩnh vực tư pháp', 'Phòng Phổ biến, giáo dục pháp luật', ['Báo Lạng Sơn', 'Đài Phát thanh và Truyền hình tỉnh'], 'Phóng sự', 'Quý II/2025', '2025-06-30'),
    t('4', 'Tuyên truyền trên trang Facebook "Sở Tư pháp Lạng Sơn" về dịch vụ công trực tuyến', 'Văn phòng Sở', [], 'Tin, bài, video', 'Hằng tháng', '2025-12-31'),
    g('III', 'Tuyên truyền qua hội nghị, hội thi và các hình thức khác'),
    t('1', 'Lồng ghép tuyên truyền cải cách hành chính tại các hội nghị phổ biến, giáo dục pháp luật ở cơ sở', 'Phòng Phổ biến, giáo dục pháp luật', ['Phòng Tư pháp các huyện, thành phố'], 'Hội nghị', '6 tháng đầu năm 2025', '2025-06-30'),
    t('2', 'In và cấp phát tờ gấp hướng dẫn thực hiện thủ tục lý lịch tư pháp trực tuyến', 'Trung tâm Trợ giúp pháp lý nhà nước', ['Phòng Hành chính tư pháp'], 'Tờ gấp', 'Trước ngày 30/9/2025', '2025-09-30'),
    t('3', 'Tổng hợp, báo cáo kết quả thực hiện Kế hoạch', 'Văn phòng Sở', ['Các phòng, đơn vị thuộc Sở'], 'Báo cáo', 'Trước ngày 15/12/2025', '2025-12-15'),
  ],
  landscape: true,
  expect: {
    title: 'Tuyên truyền cải cách hành chính năm 2025',
    year: 2025,
    issuer: 'Sở Tư pháp',
    parentAgency: 'UBND TỈNH LẠNG SƠN',
    province: 'Lạng Sơn',
    numberText: '12/KH-STP',
    place: 'Lạng Sơn',
    signDate: '2025-01-15',
    basis: ['2150/QĐ-UBND', '05/KH-UBND'],
    sections: [['I', 'MỤC ĐÍCH, YÊU CẦU'], ['II', 'NỘI DUNG TUYÊN TRUYỀN'], ['III', 'HÌNH THỨC TUYÊN TRUYỀN'], ['IV', 'KINH PHÍ THỰC HIỆN'], ['V', 'TỔ CHỨC THỰC HIỆN']],
    recipients: ['UBND tỉnh (b/c)', 'Sở Nội vụ', 'Ban Giám đốc Sở', 'Các phòng, đơn vị thuộc Sở', 'Lưu: VT, VP'],
    signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Hoàng Văn Minh' },
    columns: [CANON.tt, CANON.content, CANON.lead, CANON.coop, CANON.product, CANON.due],
    appendixTitle: 'DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025',
  },
};

/** UBND huyện Văn Lãng: a two-line agency with no parent, 1 / 1.1 numbering, groups 1, 2 with tasks 1.1, and a "Ghi chú" column. */
const vanLang: AgencyPlan = {
  id: 'van-lang-ubnd',
  headerLeft: ['ỦY BAN NHÂN DÂN', 'HUYỆN VĂN LÃNG', 'Số: 45/KH-UBND'],
  placeDate: 'Văn Lãng, ngày 20 tháng 01 năm 2025',
  body: [
    'KẾ HOẠCH',
    'Tuyên truyền cải cách hành chính trên địa bàn huyện Văn Lãng năm 2025',
    'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;',
    'Căn cứ Kế hoạch số 05/KH-UBND ngày 08/01/2025 của UBND tỉnh Lạng Sơn về tuyên truyền cải cách hành chính năm 2025;',
    'Thực hiện Công văn số 58/SNV-CCHC ngày 14/01/2025 của Sở Nội vụ tỉnh Lạng Sơn về việc triển khai công tác tuyên truyền cải cách hành chính năm 2025;',
    'Ủy ban nhân dân huyện Văn Lãng ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:',
    '1. MỤC ĐÍCH, YÊU CẦU',
    '1.1. Mục đích',
    'Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức và Nhân dân trên địa bàn huyện về cải cách hành chính.',
    '1.2. Yêu cầu',
    'Công tác tuyên truyền phải thường xuyên, liên tục, bám sát nhiệm vụ trọng tâm của huyện.',
    '2. NỘI DUNG TUYÊN TRUYỀN',
    '2.1. Tuyên truyền cải cách thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông.',
    '2.2. Tuyên truyền về chuyển đổi số, dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.',
    '3. HÌNH THỨC TUYÊN TRUYỀN',
    '3.1. Trên Trang thông tin điện tử huyện, hệ thống truyền thanh cơ sở và nhóm Zalo của các thôn.',
    '3.2. Thông qua hội nghị, sinh hoạt của các tổ chức chính trị - xã hội.',
    '4. TỔ CHỨC THỰC HIỆN',
    '4.1. Phòng Nội vụ là cơ quan thường trực, tham mưu UBND huyện theo dõi, đôn đốc thực hiện Kế hoạch.',
    '4.2. Các cơ quan, đơn vị và UBND các xã, thị trấn thực hiện các nhiệm vụ được giao tại Phụ lục.',
    'Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Ủy ban nhân dân huyện Văn Lãng./.',
  ],
  recipients: ['Nơi nhận:', '- Sở Nội vụ tỉnh Lạng Sơn;', '- TT Huyện ủy, TT HĐND huyện;', '- Chủ tịch, các PCT UBND huyện;', '- Các cơ quan, đơn vị thuộc UBND huyện;', '- UBND các xã, thị trấn;', '- Lưu: VT.'],
  signer: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', '', 'Nông Thị Hà'],
  appendixHead: ['PHỤ LỤC', 'NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH HUYỆN VĂN LÃNG NĂM 2025', '(Kèm theo Kế hoạch số 45/KH-UBND ngày 20/01/2025 của UBND huyện Văn Lãng)'],
  columns: [
    { kind: 'tt', title: 'TT' }, { kind: 'content', title: 'Nội dung nhiệm vụ' }, { kind: 'lead', title: 'Đơn vị chủ trì' },
    { kind: 'coop', title: 'Đơn vị phối hợp' }, { kind: 'product', title: 'Kết quả đầu ra' }, { kind: 'due', title: 'Thời hạn hoàn thành' },
    { kind: 'notes', title: 'Ghi chú' },
  ],
  rows: [
    g('1', 'Công tác chỉ đạo, điều hành'),
    t('1.1', 'Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025', 'Phòng Nội vụ', ['Văn phòng HĐND và UBND huyện'], 'Kế hoạch được ban hành', 'Tháng 01/2025', '2025-01-31'),
    t('1.2', 'Hướng dẫn UBND các xã, thị trấn xây dựng kế hoạch tuyên truyền', 'Phòng Nội vụ', ['UBND các xã, thị trấn'], 'Văn bản hướng dẫn', 'Quý I/2025', '2025-03-31'),
    g('2', 'Tuyên truyền trên phương tiện thông tin đại chúng'),
    t('2.1', 'Đăng tải tin, bài về cải cách hành chính trên Trang thông tin điện tử huyện', 'Văn phòng HĐND và UBND huyện', ['Phòng Nội vụ', 'Phòng Văn hóa và Thông tin'], 'Tin, bài', 'Thường xuyên', '2025-12-31', { notes: 'Ít nhất 02 tin/tháng' }),
    t('2.2', 'Phát sóng chuyên mục cải cách hành chính trên hệ thống truyền thanh cơ sở', 'Trung tâm Văn hóa, Thể thao và Truyền thông', ['UBND các xã, thị trấn'], 'Chuyên mục', 'Hằng quý', '2025-12-31'),
    t('2.3', 'Tuyên truyền dịch vụ công trực tuyến qua nhóm Zalo của các thôn, khối phố', 'UBND các xã, thị trấn', ['Công an huyện', 'Huyện đoàn Văn Lãng'], 'Tin nhắn, hình ảnh', 'Quý II/2025', '2025-06-30'),
    g('3', 'Tuyên truyền qua hội nghị, hội thi'),
    t('3.1', 'Tổ chức Hội thi tìm hiểu về cải cách hành chính năm 2025', 'Phòng Nội vụ', ['Phòng Tư pháp', 'Huyện đoàn Văn Lãng'], 'Cuộc thi', 'Tháng 3 - 6/2025', '2025-06-30', { notes: 'Theo kế hoạch riêng' }),
    t('3.2', 'Lồng ghép tuyên truyền cải cách hành chính tại hội nghị giao ban hằng tháng của UBND huyện', 'Văn phòng HĐND và UBND huyện', ['Các cơ quan, đơn vị thuộc UBND huyện'], 'Hội nghị', 'Hằng tháng', '2025-12-31'),
    t('3.3', 'Tổng hợp, báo cáo kết quả công tác tuyên truyền', 'Phòng Nội vụ', [], 'Báo cáo', 'Trước ngày 10/12/2025', '2025-12-10'),
  ],
  landscape: true,
  expect: {
    title: 'Tuyên truyền cải cách hành chính trên địa bàn huyện Văn Lãng năm 2025',
    year: 2025,
    issuer: 'Ủy ban nhân dân huyện Văn Lãng',
    parentAgency: null,
    province: 'Lạng Sơn',
    numberText: '45/KH-UBND',
    place: 'Văn Lãng',
    signDate: '2025-01-20',
    basis: ['76/NQ-CP', '05/KH-UBND', '58/SNV-CCHC'],
    sections: [['1', 'MỤC ĐÍCH, YÊU CẦU'], ['2', 'NỘI DUNG TUYÊN TRUYỀN'], ['3', 'HÌNH THỨC TUYÊN TRUYỀN'], ['4', 'TỔ CHỨC THỰC HIỆN']],
    recipients: ['Sở Nội vụ tỉnh Lạng Sơn', 'TT Huyện ủy, TT HĐND huyện', 'Chủ tịch, các PCT UBND huyện', 'Các cơ quan, đơn vị thuộc UBND huyện', 'UBND các xã, thị trấn', 'Lưu: VT'],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nông Thị Hà' },
    columns: [CANON.tt, CANON.content, CANON.lead, CANON.coop, CANON.product, CANON.due, CANON.notes],
    appendixTitle: 'NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH HUYỆN VĂN LÃNG NĂM 2025',
  },
};

/** UBND xã Hưng Đạo: I / 1 / - / +, no product column, "Chủ trì / Phối hợp", deadlines without a year. */
const hungDao: AgencyPlan = {
  id: 'xa-hung-dao',
  headerLeft: ['UBND HUYỆN BẢO LẠC', 'UBND XÃ HƯNG ĐẠO', 'Số: 08/KH-UBND'],
  placeDate: 'Hưng Đạo, ngày 22 tháng 01 năm 2025',
  body: [
    'KẾ HOẠCH',
    'Tuyên truyền cải cách hành chính năm 2025',
    'Căn cứ Kế hoạch số 45/KH-UBND ngày 17/01/2025 của UBND huyện Bảo Lạc về tuyên truyền cải cách hành chính năm 2025;',
    'Căn cứ Công văn số 112/UBND-NV ngày 16/01/2025 của UBND huyện Bảo Lạc về việc triển khai nhiệm vụ cải cách hành chính năm 2025;',
    'UBND xã Hưng Đạo xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '- Giúp cán bộ, công chức xã và Nhân dân hiểu rõ chủ trương, chính sách về cải cách hành chính;',
    '- Tuyên truyền phải phù hợp với đặc điểm vùng đồng bào dân tộc thiểu số của xã, dễ hiểu, dễ nhớ.',
    'II. NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN',
    '1. Nội dung tuyên truyền',
    '- Cải cách thủ tục hành chính, kết quả giải quyết hồ sơ tại Bộ phận một cửa của xã;',
    '- Dịch vụ công trực tuyến, thanh toán trực tuyến:',
    '+ Hướng dẫn người dân tạo tài khoản định danh điện tử;',
    '+ Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công.',
    '2. Hình thức tuyên truyền',
    '- Qua hệ thống loa truyền thanh của xã và các xóm;',
    '- Lồng ghép trong các buổi họp xóm, sinh hoạt chi bộ.',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Công chức Văn phòng - Thống kê tham mưu UBND xã triển khai Kế hoạch.',
    '2. Trưởng các xóm phối hợp tuyên truyền đến từng hộ gia đình.',
    'Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của UBND xã Hưng Đạo./.',
  ],
  recipients: ['Nơi nhận:', '- UBND huyện Bảo Lạc (b/c);', '- Phòng Nội vụ huyện;', '- Đảng ủy, HĐND xã;', '- Các ban, ngành, đoàn thể xã;', '- Lưu: VT.'],
  signer: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', '', 'Lý Văn Sình'],
  appendixHead: ['PHỤ LỤC', 'CÁC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025', '(Kèm theo Kế hoạch số 08/KH-UBND ngày 22/01/2025 của UBND xã Hưng Đạo)'],
  columns: [
    { kind: 'tt', title: 'TT' }, { kind: 'content', title: 'Nội dung' }, { kind: 'lead', title: 'Chủ trì' },
    { kind: 'coop', title: 'Phối hợp' }, { kind: 'due', title: 'Thời gian thực hiện' }, { kind: 'notes', title: 'Ghi chú' },
  ],
  rows: [
    g('I', 'Tuyên truyền trên hệ thống truyền thanh'),
    t('1', 'Phát thanh các văn bản mới về cải cách thủ tục hành chính trên loa truyền thanh xã', 'Công chức Văn hóa - Xã hội', ['Công chức Văn phòng - Thống kê'], '', 'Hằng tuần', '2025-12-31'),
    t('2', 'Tuyên truyền hướng dẫn tạo tài khoản định danh điện tử mức độ 2', 'Công an xã', ['Đoàn Thanh niên xã'], '', 'Quý I', '2025-03-31'),
    g('II', 'Tuyên truyền trực tiếp'),
    t('1', 'Lồng ghép tuyên truyền tại các cuộc họp xóm', 'Trưởng các xóm', ['Công chức Tư pháp - Hộ tịch'], '', 'Thường xuyên', '2025-12-31'),
    t('2', 'Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận một cửa', 'Bộ phận một cửa xã', ['Đoàn Thanh niên xã', 'Hội Phụ nữ xã'], '', 'Tháng 3/2025', '2025-03-31', { notes: 'Tháng Thanh niên' }),
    t('3', 'Tuyên truyền tại các buổi sinh hoạt chi bộ, hội viên các đoàn thể', 'Các ban, ngành, đoàn thể xã', [], '', 'Quý II', '2025-06-30'),
    t('4', 'Tổng hợp, báo cáo kết quả tuyên truyền về UBND huyện', 'Công chức Văn phòng - Thống kê', [], '', 'Trước ngày 20/12/2025', '2025-12-20'),
  ],
  landscape: false,
  expect: {
    title: 'Tuyên truyền cải cách hành chính năm 2025',
    year: 2025,
    issuer: 'UBND xã Hưng Đạo',
    parentAgency: 'UBND HUYỆN BẢO LẠC',
    // The plan never names its province.
    province: null,
    numberText: '08/KH-UBND',
    place: 'Hưng Đạo',
    signDate: '2025-01-22',
    basis: ['45/KH-UBND', '112/UBND-NV'],
    sections: [['I', 'MỤC ĐÍCH, YÊU CẦU'], ['II', 'NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN'], ['III', 'TỔ CHỨC THỰC HIỆN']],
    recipients: ['UBND huyện Bảo Lạc (b/c)', 'Phòng Nội vụ huyện', 'Đảng ủy, HĐND xã', 'Các ban, ngành, đoàn thể xã', 'Lưu: VT'],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Lý Văn Sình' },
    columns: [CANON.tt, CANON.content, CANON.lead, CANON.coop, CANON.due, CANON.notes],
    appendixTitle: 'CÁC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025',
  },
};

/** Sở Nội vụ Cao Bằng: the plan issued by a decision; product before the units; a budget column; groups A, B. */
const caoBang: AgencyPlan = {
  id: 'cao-bang-snv',
  headerLeft: ['UBND TỈNH CAO BẰNG', 'SỞ NỘI VỤ', 'Số: 35/QĐ-SNV'],
  placeDate: 'Cao Bằng, ngày 10 tháng 01 năm 2025',
  decision: {
    paragraphs: [
      'QUYẾT ĐỊNH',
      'Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025',
      'GIÁM ĐỐC SỞ NỘI VỤ TỈNH CAO BẰNG',
      'Căn cứ Quyết định số 12/2023/QĐ-UBND ngày 05/4/2023 của UBND tỉnh Cao Bằng quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ;',
      'Căn cứ Kế hoạch số 3050/KH-UBND ngày 25/12/2024 của UBND tỉnh Cao Bằng về cải cách hành chính nhà nước năm 2025;',
      'Theo đề nghị của Trưởng phòng Cải cách hành chính.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Sở Nội vụ tỉnh Cao Bằng.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở chịu trách nhiệm thi hành Quyết định này./.',
    ],
    recipients: ['Nơi nhận:', '- Như Điều 3;', '- UBND tỉnh (b/c);', '- Giám đốc, các PGĐ Sở;', '- Lưu: VT, CCHC.'],
    signer: ['GIÁM ĐỐC', '', '', 'Đàm Văn Hùng'],
  },
  body: [
    'KẾ HOẠCH',
    'Tuyên truyền cải cách hành chính năm 2025',
    '(Kèm theo Quyết định số 35/QĐ-SNV ngày 10/01/2025 của Giám đốc Sở Nội vụ)',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Tạo sự chuyển biến mạnh mẽ về nhận thức của công chức, viên chức về cải cách hành chính.',
    '2. Tuyên truyền bám sát Chủ đề năm 2025 của tỉnh: "Kỷ cương, trách nhiệm, đổi mới, phát triển".',
    'II. NỘI DUNG TUYÊN TRUYỀN',
    '1. Kết quả thực hiện Chỉ số cải cách hành chính (PAR INDEX), Chỉ số SIPAS của tỉnh năm 2024.',
    '2. Việc sắp xếp tổ chức bộ máy, tinh giản biên chế, cải cách chế độ công vụ.',
    'III. KINH PHÍ',
    'Từ nguồn chi thường xuyên của Sở năm 2025, tổng số 45 triệu đồng.',
    'IV. TỔ CHỨC THỰC HIỆN',
    'Phòng Cải cách hành chính theo dõi, hướng dẫn, tổng hợp kết quả thực hiện Kế hoạch.',
  ],
  recipients: [],
  signer: [],
  appendixHead: ['Phụ lục', 'KẾ HOẠCH CHI TIẾT CÁC HOẠT ĐỘNG TUYÊN TRUYỀN NĂM 2025', '(Kèm theo Quyết định số 35/QĐ-SNV ngày 10/01/2025 của Sở Nội vụ tỉnh Cao Bằng)'],
  columns: [
    { kind: 'tt', title: 'STT' }, { kind: 'content', title: 'Nội dung nhiệm vụ' }, { kind: 'product', title: 'Sản phẩm' },
    { kind: 'lead', title: 'Cơ quan chủ trì' }, { kind: 'coop', title: 'Cơ quan phối hợp' }, { kind: 'due', title: 'Thời hạn hoàn thành' },
    { kind: 'budget', title: 'Kinh phí (triệu đồng)' },
  ],
  rows: [
    g('A', 'Công tác tuyên truyền trên báo chí và mạng xã hội'),
    t('1', 'Xây dựng chuyên mục "Cải cách hành chính" trên Báo Cao Bằng', 'Phòng Cải cách hành chính', ['Báo Cao Bằng'], 'Chuyên mục', 'Quý II/2025', '2025-06-30', { budget: '15' }),
    t('2', 'Đăng tải tin, bài trên Cổng Thông tin điện tử Sở Nội vụ', 'Văn phòng Sở', ['Các phòng, đơn vị thuộc Sở'], 'Tin, bài', 'Cả năm 2025', '2025-12-31'),
    t('3', 'Sản xuất video clip ngắn hướng dẫn sử dụng dịch vụ công trực tuyến trên Zalo, Facebook', 'Phòng Cải cách hành chính', ['Trung tâm Phục vụ hành chính công tỉnh'], 'Video clip', 'Quý III/2025', '2025-09-30', { budget: '10' }),
    g('B', 'Hội nghị, tập huấn, cuộc thi'),
    t('1', 'Tập huấn nghiệp vụ cải cách hành chính cho công chức đầu mối các sở, ngành, địa phương', 'Phòng Cải cách hành chính', ['Sở Thông tin và Truyền thông', 'UBND các huyện, thành phố'], 'Lớp tập huấn', 'Tháng 4/2025', '2025-04-30', { budget: '20' }),
    t('2', 'Tổ chức cuộc thi trực tuyến tìm hiểu về cải cách hành chính tỉnh Cao Bằng', 'Phòng Cải cách hành chính', ['Tỉnh đoàn Cao Bằng'], 'Cuộc thi', 'Từ quý II đến quý III/2025', '2025-09-30'),
    t('3', 'Sơ kết, đánh giá kết quả công tác tuyên truyền năm 2025', 'Văn phòng Sở', [], 'Báo cáo', 'Tháng 12/2025', '2025-12-31'),
  ],
  landscape: true,
  expect: {
    title: 'Tuyên truyền cải cách hành chính năm 2025',
    year: 2025,
    issuer: 'Sở Nội vụ',
    parentAgency: 'UBND TỈNH CAO BẰNG',
    province: 'Cao Bằng',
    numberText: '35/QĐ-SNV',
    place: 'Cao Bằng',
    signDate: '2025-01-10',
    basis: ['12/2023/QĐ-UBND', '3050/KH-UBND'],
    sections: [['I', 'MỤC ĐÍCH, YÊU CẦU'], ['II', 'NỘI DUNG TUYÊN TRUYỀN'], ['III', 'KINH PHÍ'], ['IV', 'TỔ CHỨC THỰC HIỆN']],
    recipients: ['Như Điều 3', 'UBND tỉnh (b/c)', 'Giám đốc, các PGĐ Sở', 'Lưu: VT, CCHC'],
    signer: { authority: null, title: 'GIÁM ĐỐC', name: 'Đàm Văn Hùng' },
    columns: [CANON.tt, CANON.content, CANON.product, CANON.lead, CANON.coop, CANON.due, CANON.budget],
    appendixTitle: 'KẾ HOẠCH CHI TIẾT CÁC HOẠT ĐỘNG TUYÊN TRUYỀN NĂM 2025',
  },
};

/** Sở GD&ĐT Thái Nguyên: a portrait appendix (narrow columns), deadline before product, tasks lettered a, b. */
const thaiNguyen: AgencyPlan = {
  id: 'thai-nguyen-sgddt',
  headerLeft: ['UBND TỈNH THÁI NGUYÊN', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'Số: 20/KH-SGDĐT'],
  placeDate: 'Thái Nguyên, ngày 05 tháng 02 năm 2025',
  body: [
    'KẾ HOẠCH',
    'Thông tin, tuyên truyền cải cách hành chính năm 2025',
    'Căn cứ Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về việc tiếp tục đẩy mạnh triển khai Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;',
    'Căn cứ Kế hoạch số 15/KH-UBND ngày 20/01/2025 của UBND tỉnh Thái Nguyên về thông tin, tuyên truyền cải cách hành chính năm 2025;',
    'Sở Giáo dục và Đào tạo xây dựng Kế hoạch như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    'a) Nâng cao nhận thức của cán bộ quản lý, giáo viên, nhân viên và học sinh về cải cách hành chính.',
    'b) Đẩy mạnh sử dụng dịch vụ công trực tuyến trong lĩnh vực giáo dục.',
    '2. Yêu cầu',
    'Tuyên truyền gắn với nhiệm vụ năm học 2024 - 2025 của ngành.',
    'II. NỘI DUNG TUYÊN TRUYỀN',
    '1. Cải cách thủ tục hành chính trong lĩnh vực giáo dục và đào tạo.',
    '2. Chuyển đổi số trong quản lý giáo dục, tuyển sinh trực tuyến.',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Văn phòng Sở là đầu mối theo dõi, tổng hợp.',
    '2. Các phòng chuyên môn, các trường trực thuộc triển khai thực hiện.',
    'Trên đây là Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2025 của Sở Giáo dục và Đào tạo tỉnh Thái Nguyên./.',
  ],
  recipients: ['Nơi nhận:', '- UBND tỉnh (b/c);', '- Sở Nội vụ;', '- Giám đốc, các PGĐ Sở;', '- Các phòng thuộc Sở;', '- Các đơn vị trực thuộc;', '- Lưu: VT, VP.'],
  signer: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', '', 'Nguyễn Thị Lan Anh'],
  appendixHead: ['Phụ lục', 'NHIỆM VỤ THÔNG TIN, TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025', '(Kèm theo Kế hoạch số 20/KH-SGDĐT ngày 05/02/2025 của Sở Giáo dục và Đào tạo)'],
  columns: [
    { kind: 'tt', title: 'TT' }, { kind: 'content', title: 'Nội dung' }, { kind: 'lead', title: 'Đơn vị chủ trì' },
    { kind: 'coop', title: 'Đơn vị phối hợp' }, { kind: 'due', title: 'Thời gian' }, { kind: 'product', title: 'Sản phẩm' },
  ],
  rows: [
    g('I', 'Tuyên truyền trên Cổng Thông tin điện tử và mạng xã hội'),
    t('a', 'Duy trì chuyên mục "Cải cách hành chính" trên Cổng Thông tin điện tử của Sở', 'Văn phòng Sở', ['Phòng Giáo dục Trung học', 'Phòng Giáo dục Mầm non - Tiểu học'], 'Chuyên mục, tin bài', 'Cả năm', '2025-12-31'),
    t('b', 'Tuyên truyền tuyển sinh trực tuyến đầu cấp trên Fanpage của Sở', 'Phòng Giáo dục Trung học', ['Văn phòng Sở'], 'Bài viết, ảnh đồ họa', 'Tháng 5 - 7/2025', '2025-07-31'),
    t('c', 'Công khai thủ tục hành chính, kết quả giải quyết hồ sơ trên Cổng Dịch vụ công', 'Văn phòng Sở', [], 'Danh mục, số liệu', 'Hằng tháng', '2025-12-31'),
    g('II', 'Tuyên truyền trong nhà trường'),
    t('a', 'Lồng ghép nội dung cải cách hành chính trong các buổi chào cờ, sinh hoạt lớp', 'Các trường trung học phổ thông', ['Đoàn Thanh niên các trường'], 'Buổi sinh hoạt', '6 tháng cuối năm 2025', '2025-12-31'),
    t('b', 'Tổ chức hội thi "Học sinh với dịch vụ công trực tuyến"', 'Phòng Giáo dục Trung học', ['Tỉnh đoàn Thái Nguyên', 'Các trường trung học phổ thông'], 'Cuộc thi', 'Quý I/2025', '2025-03-31'),
    t('c', 'Tập huấn sử dụng phần mềm quản lý hồ sơ công việc cho cán bộ, giáo viên', 'Văn phòng Sở', ['Trung tâm Công nghệ thông tin'], 'Lớp tập huấn', 'Trước 15/12/2025', '2025-12-15'),
  ],
  landscape: false,
  expect: {
    title: 'Thông tin, tuyên truyền cải cách hành chính năm 2025',
    year: 2025,
    issuer: 'Sở Giáo dục và Đào tạo',
    parentAgency: 'UBND TỈNH THÁI NGUYÊN',
    province: 'Thái Nguyên',
    numberText: '20/KH-SGDĐT',
    place: 'Thái Nguyên',
    signDate: '2025-02-05',
    basis: ['23/CT-TTg', '15/KH-UBND'],
    sections: [['I', 'MỤC ĐÍCH, YÊU CẦU'], ['II', 'NỘI DUNG TUYÊN TRUYỀN'], ['III', 'TỔ CHỨC THỰC HIỆN']],
    recipients: ['UBND tỉnh (b/c)', 'Sở Nội vụ', 'Giám đốc, các PGĐ Sở', 'Các phòng thuộc Sở', 'Các đơn vị trực thuộc', 'Lưu: VT, VP'],
    signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Thị Lan Anh' },
    columns: [CANON.tt, CANON.content, CANON.lead, CANON.coop, CANON.due, CANON.product],
    appendixTitle: 'NHIỆM VỤ THÔNG TIN, TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025',
  },
};

/** Chi cục Kiểm lâm Bắc Kạn: I / 1 / 1.1 / -, group rows I and 1 with "-" tasks, "Bộ phận chủ trì", a notes column. */
const bacKan: AgencyPlan = {
  id: 'bac-kan-cckl',
  headerLeft: ['SỞ NÔNG NGHIỆP VÀ PTNT TỈNH BẮC KẠN', 'CHI CỤC KIỂM LÂM', 'Số: 05/KH-CCKL'],
  placeDate: 'Bắc Kạn, ngày 12 tháng 02 năm 2025',
  body: [
    'KẾ HOẠCH',
    'Tuyên truyền cải cách hành chính năm 2025',
    'Căn cứ Công văn số 250/SNN-VP ngày 14/01/2025 của Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Kạn về việc triển khai nhiệm vụ cải cách hành chính năm 2025;',
    'Căn cứ Kế hoạch số 30/KH-SNN ngày 20/01/2025 của Sở Nông nghiệp và Phát triển nông thôn về tuyên truyền cải cách hành chính năm 2025;',
    'Chi cục Kiểm lâm ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025, cụ thể như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    '1.1. Nâng cao nhận thức của công chức, viên chức trong Chi cục về cải cách hành chính.',
    '1.2. Tuyên truyền để chủ rừng, người dân biết và thực hiện thủ tục hành chính lâm nghiệp trực tuyến.',
    '2. Yêu cầu',
    '- Nội dung tuyên truyền chính xác, kịp thời;',
    '- Hình thức phù hợp với đồng bào các dân tộc vùng có rừng.',
    'II. NỘI DUNG, HÌNH THỨC',
    '1. Tuyên truyền thủ tục hành chính lĩnh vực lâm nghiệp, kiểm lâm.',
    '2. Tuyên truyền qua Trang thông tin điện tử của Chi cục và tại các buổi họp thôn.',
    'III. TỔ CHỨC THỰC HIỆN',
    'Phòng Hành chính - Tổng hợp chủ trì, phối hợp với các Hạt Kiểm lâm triển khai thực hiện.',
    'Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Chi cục Kiểm lâm tỉnh Bắc Kạn./.',
  ],
  recipients: ['Nơi nhận:', '- Sở Nông nghiệp và PTNT (b/c);', '- Lãnh đạo Chi cục;', '- Các phòng, Hạt Kiểm lâm, Đội KLCĐ&PCCCR;', '- Lưu: VT, HCTH.'],
  signer: ['KT. CHI CỤC TRƯỞNG', 'PHÓ CHI CỤC TRƯỞNG', '', '', 'Triệu Văn Sơn'],
  appendixHead: ['PHỤ LỤC', 'NỘI DUNG, NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025', '(Kèm theo Kế hoạch số 05/KH-CCKL ngày 12/02/2025 của Chi cục Kiểm lâm tỉnh Bắc Kạn)'],
  columns: [
    { kind: 'tt', title: 'STT' }, { kind: 'content', title: 'Nội dung công việc' }, { kind: 'lead', title: 'Bộ phận chủ trì' },
    { kind: 'coop', title: 'Bộ phận phối hợp' }, { kind: 'product', title: 'Kết quả/sản phẩm' }, { kind: 'due', title: 'Thời gian hoàn thành' },
    { kind: 'notes', title: 'Ghi chú' },
  ],
  rows: [
    g('I', 'CÔNG TÁC TUYÊN TRUYỀN'),
    g('1', 'Tuyên truyền trên Trang thông tin điện tử', 'I.1'),
    t('-', 'Đăng tải thủ tục hành chính lĩnh vực lâm nghiệp được công bố mới, sửa đổi, bổ sung', 'Phòng Hành chính - Tổng hợp', ['Phòng Quản lý bảo vệ rừng và bảo tồn thiên nhiên'], 'Tin, bài', 'Thường xuyên', '2025-12-31'),
    t('-', 'Viết tin, bài về kết quả giải quyết thủ tục hành chính trực tuyến', 'Phòng Hành chính - Tổng hợp', ['Hạt Kiểm lâm các huyện'], 'Tin, bài', 'Hằng quý', '2025-12-31'),
    g('2', 'Tuyên truyền trực tiếp tại cơ sở', 'I.2'),
    t('-', 'Tuyên truyền tại các buổi họp thôn, bản về thủ tục cấp phép khai thác gỗ rừng trồng', 'Hạt Kiểm lâm các huyện', ['UBND các xã', 'Kiểm lâm địa bàn'], 'Buổi tuyên truyền', 'Quý II/2025', '2025-06-30', { notes: 'Ưu tiên xã vùng sâu' }),
    t('-', 'In, phát tờ rơi hướng dẫn thủ tục hành chính lâm nghiệp bằng tiếng Tày, Nùng, Dao', 'Phòng Hành chính - Tổng hợp', ['Hạt Kiểm lâm các huyện'], 'Tờ rơi', 'Tháng 6/2025', '2025-06-30'),
    g('II', 'KIỂM TRA, BÁO CÁO'),
    t('1', 'Kiểm tra việc thực hiện tuyên truyền tại các Hạt Kiểm lâm', 'Lãnh đạo Chi cục', ['Phòng Hành chính - Tổng hợp'], 'Biên bản kiểm tra', 'Quý III/2025', '2025-09-30'),
    t('2', 'Báo cáo kết quả tuyên truyền cải cách hành chính năm 2025', 'Phòng Hành chính - Tổng hợp', [], 'Báo cáo', 'Trước ngày 05/12/2025', '2025-12-05'),
  ],
  landscape: true,
  expect: {
    title: 'Tuyên truyền cải cách hành chính năm 2025',
    year: 2025,
    issuer: 'Chi cục Kiểm lâm',
    parentAgency: 'SỞ NÔNG NGHIỆP VÀ PTNT TỈNH BẮC KẠN',
    province: 'Bắc Kạn',
    numberText: '05/KH-CCKL',
    place: 'Bắc Kạn',
    signDate: '2025-02-12',
    basis: ['250/SNN-VP', '30/KH-SNN'],
    sections: [['I', 'MỤC ĐÍCH, YÊU CẦU'], ['II', 'NỘI DUNG, HÌNH THỨC'], ['III', 'TỔ CHỨC THỰC HIỆN']],
    recipients: ['Sở Nông nghiệp và PTNT (b/c)', 'Lãnh đạo Chi cục', 'Các phòng, Hạt Kiểm lâm, Đội KLCĐ&PCCCR', 'Lưu: VT, HCTH'],
    signer: { authority: 'KT. CHI CỤC TRƯỞNG', title: 'PHÓ CHI CỤC TRƯỞNG', name: 'Triệu Văn Sơn' },
    columns: [CANON.tt, CANON.content, CANON.lead, CANON.coop, CANON.product, CANON.due, CANON.notes],
    appendixTitle: 'NỘI DUNG, NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025',
  },
};

export const AGENCY_PLANS: AgencyPlan[] = [langSon, vanLang, hungDao, caoBang, thaiNguyen, bacKan];

/** The groups and tasks an import must give, from the rows as written. */
export function expectedAppendix(plan: AgencyPlan): { groups: { code: string; title: string }[]; tasks: Record<string, unknown>[] } {
  const groups: { code: string; title: string }[] = [];
  const tasks: Record<string, unknown>[] = [];
  let group: string | null = null;
  for (const row of plan.rows) {
    if (isGroup(row)) {
      groups.push({ code: row.code, title: row.title });
      group = row.code;
      continue;
    }
    tasks.push({
      group,
      ...(row.tt === '-' ? {} : { code: row.tt }),
      content: row.content,
      lead: row.lead,
      coop: row.coop,
      product: row.product,
      dueText: row.due,
      end: row.end,
    });
  }
  return { groups, tasks };
}
