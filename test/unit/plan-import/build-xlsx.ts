/** A task appendix as an XLSX sheet built with exceljs: title rows, merged group rows, a merged lead. */
import ExcelJS from 'exceljs';

export async function buildAppendixXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Ghi chú').addRow(['Bảng này kèm theo kế hoạch.']);
  const sheet = workbook.addWorksheet('Phụ lục');
  sheet.addRow(['PHỤ LỤC']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(['DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024']);
  sheet.mergeCells('A2:F2');
  sheet.addRow(['(Kèm theo Kế hoạch số 05/KH-BDT ngày 05/02/2024 của Ban Dân tộc tỉnh Bắc Giang)']);
  sheet.mergeCells('A3:F3');
  sheet.addRow(['STT', 'Nội dung công việc', 'Cơ quan/Đơn vị chủ trì', 'Cơ quan/Đơn vị phối hợp', 'Sản phẩm', 'Thời gian thực hiện']);
  sheet.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)']);
  sheet.addRow(['I', 'Công tác chỉ đạo, điều hành']);
  sheet.mergeCells('B6:F6');
  sheet.addRow(['1', { richText: [{ text: 'Xây dựng ' }, { font: { bold: true }, text: 'Kế hoạch tuyên truyền' }] }, 'Phòng HC-TH', 'Các phòng chuyên môn', 'Kế hoạch', 'T2/2024']);
  sheet.addRow(['2', 'Đăng tải văn bản chỉ đạo lên Cổng TTĐT', 'Phòng KH-TT', 'Phòng HC-TH\nPhòng CS-DT', 'Tin, bài', new Date(Date.UTC(2024, 5, 30))]);
  sheet.addRow(['3', 'Tổng hợp kết quả tuyên truyền', null, 'Thanh tra Ban', 'Báo cáo', 'Quý IV/2024']);
  sheet.mergeCells('C8:C9');
  sheet.addRow(['II', 'Công tác tuyên truyền']);
  sheet.mergeCells('B10:F10');
  sheet.addRow(['1', 'Tuyên truyền trên Zalo của Ban', 'Văn phòng', '', 'Tin, bài', { formula: '"Hằng tháng"', result: 'Hằng tháng' }]);
  const data = await workbook.xlsx.writeBuffer();
  return new Uint8Array(data as ArrayBuffer);
}
