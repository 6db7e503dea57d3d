import type { PlanDocument } from '../src/documents/plan-document.ts';

const UNITS = ['Phòng HC-TH', 'Phòng KH-TT', 'Phòng Chính sách', 'Thanh tra'];
const DUES = ['Cả năm 2024', 'Quý II/2024', 'T3/2024', '6 tháng đầu năm 2024', '30/9/2024', 'Thường xuyên'];
const PRODUCTS = ['Văn bản/tin bài viết', 'Kế hoạch', 'Hội nghị', 'Báo cáo'];

/** A plan shaped like real ones, with `taskCount` tasks in groups of 10, for benchmarks. */
export function generatedPlan(taskCount: number): PlanDocument {
  const subgroups = Array.from({ length: Math.ceil(taskCount / 10) }, (_, i) => ({ code: `B.${i + 1}`, title: `Nhóm nhiệm vụ tuyên truyền số ${i + 1}` }));
  const groups = [{ code: 'B', title: 'Công tác tuyên truyền' }, ...subgroups];
  return {
    docType: 'KH',
    title: 'Tuyên truyền cải cách hành chính nhà nước năm 2024',
    year: 2024,
    issuer: 'Ban Dân tộc',
    parentAgency: 'UBND tỉnh Bắc Giang',
    province: 'Bắc Giang',
    numberText: '05/KH-BDT',
    numberSuffix: 'KH-BDT',
    place: 'Bắc Giang',
    signDate: '2024-02-05',
    basis: [{ text: 'Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh', type: 'Kế hoạch', number: '14/KH-UBND', date: '2024-01-21', issuer: 'UBND tỉnh' }],
    theme: 'Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, hiệu quả bền vững',
    sections: [
      { number: 'I', heading: 'MỤC ĐÍCH, YÊU CẦU', paragraphs: [], children: [{ number: '1', heading: 'Mục đích', paragraphs: ['Nâng cao nhận thức về cải cách hành chính.'], children: [] }] },
      { number: 'II', heading: 'TỔ CHỨC THỰC HIỆN', paragraphs: ['Các phòng, đơn vị triển khai thực hiện Kế hoạch.'], children: [] },
    ],
    budgetText: null,
    budgetLines: [],
    recipients: ['Sở Nội vụ', 'Lãnh đạo Ban', 'Lưu: VT, HCTH'],
    signer: { authority: 'KT. TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'Nguyễn Văn Mẫu' },
    channels: [],
    indices: [],
    appendix: {
      title: 'NỘI DUNG, NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024',
      columns: ['TT', 'Nội dung, nhiệm vụ', 'Phòng chủ trì', 'Phòng phối hợp', 'Kết quả/sản phẩm', 'Thời gian hoàn thành'],
      groups,
      tasks: Array.from({ length: taskCount }, (_, i) => ({
        group: subgroups[Math.floor(i / 10)]!.code,
        content: `Tuyên truyền nội dung cải cách hành chính số ${i + 1} trên Cổng Thông tin điện tử và mạng xã hội của cơ quan`,
        lead: UNITS[i % UNITS.length]!,
        coop: ['Các phòng chuyên môn'],
        product: PRODUCTS[i % PRODUCTS.length]!,
        dueText: DUES[i % DUES.length]!,
        due: null,
      })),
    },
    warnings: [],
  };
}
