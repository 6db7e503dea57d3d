import { buildPdf, layout } from '../test/unit/plan-import/build-pdf.ts';
import { extractPlanText } from '../src/documents/import/extract.ts';
const pdf = buildPdf([layout([
  { cells: [[40, ['UBND TỈNH BẮC GIANG']], [400, ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']]] },
  'KẾ HOẠCH',
  { cells: [[40, ['A']], [60, ['Xây dựng Kế hoạch tuyên truyền năm 2024']], [300, ['Phòng HC-TH']], [400, ['Các phòng chuyên', 'môn']], [520, ['Kế hoạch']], [600, ['T2/2024']]] },
  { cells: [[40, ['-']], [60, ['Đăng tải lên Cổng TTĐT các văn bản', 'liên quan đến TTHC']], [300, ['Phòng HC-TH']], [400, ['Các phòng chuyên', 'môn']], [520, ['Văn bản/tin', 'bài viết']], [600, ['Cả năm 2024']]] },
])]);
const r = await extractPlanText({ name: 'p.pdf', bytes: pdf });
console.log(JSON.stringify(r));
