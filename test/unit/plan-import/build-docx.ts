/** A plan as a DOCX built with the docx library: header table, body, signature table, appendix table. */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';

const p = (text: string, bold = false): Paragraph => new Paragraph({ children: [new TextRun({ text, bold })] });
const cell = (lines: string[], options: { columnSpan?: number; merge?: 'restart' | 'continue' } = {}): TableCell =>
  new TableCell({
    children: (lines.length ? lines : ['']).map((l) => p(l)),
    columnSpan: options.columnSpan,
    verticalMerge: options.merge === 'restart' ? VerticalMergeType.RESTART : options.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
  });
const row = (cells: TableCell[]): TableRow => new TableRow({ children: cells });

export async function buildPlanDocx(): Promise<Buffer> {
  const header = new Table({
    rows: [row([
      cell(['UBND TỈNH BẮC GIANG', 'BAN DÂN TỘC', 'Số: 05/KH-BDT']),
      cell(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Bắc Giang, ngày 05 tháng 02 năm 2024']),
    ])],
  });
  const signature = new Table({
    rows: [row([
      cell(['Nơi nhận:', '- Sở Nội vụ;', '- Lãnh đạo Ban;', '- Lưu: VT, HCTH.']),
      cell(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', '', 'Nguyễn Văn An']),
    ])],
  });
  const task = (tt: string, content: string, lead: TableCell | string, coop: string[], product: string[], due: string): TableRow =>
    row([cell([tt]), cell([content]), typeof lead === 'string' ? cell([lead]) : lead, cell(coop), cell(product), cell([due])]);
  const appendix = new Table({
    rows: [
      row(['TT', 'Nội dung, nhiệm vụ', 'Phòng chủ trì', 'Phòng phối hợp', 'Kết quả/sản phẩm', 'Thời gian hoàn thành'].map((t) => cell([t]))),
      task('A', 'Xây dựng Kế hoạch tuyên truyền năm 2024', 'Phòng HC-TH', ['Các phòng chuyên môn'], ['Kế hoạch'], 'T2/2024'),
      row([cell(['B']), cell(['Công tác tuyên truyền'], { columnSpan: 5 })]),
      row([cell(['1']), cell(['Tuyên truyền trên Cổng Thông tin điện tử, mạng xã hội'], { columnSpan: 5 })]),
      task('-', 'Đăng tải văn bản liên quan đến TTHC lên Cổng TTĐT', cell(['Phòng HC-TH'], { merge: 'restart' }), ['Các phòng chuyên môn'], ['Văn bản/tin', 'bài viết'], 'Cả năm 2024'),
      task('-', 'Công khai các TTHC tại Bộ phận một cửa', cell([], { merge: 'continue' }), ['Phòng KH-TT', 'Phòng CS-DT'], ['Văn bản'], 'Quý II/2024'),
      row([cell(['2']), cell(['Tuyên truyền thông qua Hội nghị, tập huấn'], { columnSpan: 5 })]),
      task('-', 'Lồng ghép tuyên truyền CCHC tại các Hội nghị ở cơ sở', 'Các phòng chuyên môn, đơn vị', [], ['Số Hội nghị'], 'Trước ngày 30/6/2024'),
    ],
  });
  const doc = new Document({
    sections: [{
      children: [
        header,
        p('KẾ HOẠCH', true),
        p('Tuyên truyền cải cách hành chính nhà nước năm 2024', true),
        p('Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh, về việc tuyên truyền cải cách hành chính nhà nước tỉnh Bắc Giang năm 2024. Ban Dân tộc ban hành kế hoạch thực hiện như sau:'),
        p('I. MỤC ĐÍCH, YÊU CẦU', true),
        p('1. Mục đích'),
        p('- Nâng cao nhận thức về cải cách hành chính trên Cổng Thông tin điện tử và Zalo của Ban;'),
        p('2. Yêu cầu'),
        p('- Bám sát chủ đề năm 2024 của Chính phủ: "Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, hiệu quả bền vững".'),
        p('II. TỔ CHỨC THỰC HIỆN', true),
        p('1. Các phòng, đơn vị triển khai thực hiện Kế hoạch.'),
        p('2. Kinh phí thực hiện: Bố trí từ nguồn kinh phí được giao năm 2024.'),
        p('Trên đây là Kế hoạch tuyên truyền cải cách hành chính của Ban Dân tộc năm 2024./.'),
        signature,
        p('Phụ lục', true),
        p('NỘI DUNG, NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024', true),
        p('(Kèm theo Kế hoạch số 05/KH-BDT ngày 05/02/2024 của Ban Dân tộc tỉnh Bắc Giang)'),
        appendix,
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
