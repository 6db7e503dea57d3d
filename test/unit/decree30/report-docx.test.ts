import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeReportDocx } from '../../../src/documents/decree30/report-docx.ts';
import { labelInText } from '../../../src/documents/decree30/report-text.ts';
import type { ReportDocument } from '../../../src/documents/report-document.ts';
import { BAC_GIANG_HEADER } from './plans.ts';
import { CHINH_SACH, HC_TH, THANH_TRA, allTasks, quarterReport } from './report-fixture.ts';

/** mammoth's text with runs of white space around line breaks collapsed. */
async function readText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value.replace(/[ \t]*\n+[ \t]*/g, '\n');
}

async function textOf(report: ReportDocument): Promise<string> {
  return readText(await writeReportDocx(report, BAC_GIANG_HEADER));
}

const report = quarterReport();
let docx: Buffer;
let text = '';
let lines: string[] = [];

beforeAll(async () => {
  docx = await writeReportDocx(report, BAC_GIANG_HEADER);
  text = await readText(docx);
  lines = text.split('\n');
});

/** The text between two headings. */
function between(from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  expect(start, from).toBeGreaterThan(-1);
  expect(end, to).toBeGreaterThan(start);
  return text.slice(start, end);
}

describe('writeReportDocx: header and title', () => {
  it('has the Decree 30 header with the report number and the signing date', () => {
    expect(lines).toContain('UBND TỈNH BẮC GIANG');
    expect(lines).toContain('BAN DÂN TỘC');
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(lines).toContain('Số: 05/BC-BDT');
    expect(lines).toContain('Bắc Giang, ngày 05 tháng 4 năm 2024');
  });

  it('has "BÁO CÁO" and the subject with the period label, after the header', () => {
    const type = lines.indexOf('BÁO CÁO');
    expect(type).toBeGreaterThan(lines.indexOf('Bắc Giang, ngày 05 tháng 4 năm 2024'));
    expect(lines[type + 1]).toBe('Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính Quý I/2024');
    expect(text).not.toContain('KẾ HOẠCH\n');
  });

  it('introduces the report with the plan it reports on and the period dates', () => {
    expect(text).toContain(
      'Thực hiện Kế hoạch số 05/KH-BDT ngày 05/02/2024 của Ban Dân tộc về tuyên truyền cải cách hành chính năm 2024; '
      + 'Ban Dân tộc tỉnh Bắc Giang báo cáo kết quả thực hiện Quý I/2024 (từ ngày 15/12/2023 đến ngày 14/03/2024) như sau:',
    );
  });

  it('prints the number blank and the date blank while a draft has neither', async () => {
    const draft = await textOf(quarterReport({ numberText: '/BC-BDT', date: null, draft: true }));
    expect(draft.split('\n')).toContain('Số:      /BC-BDT');
    expect(draft.split('\n')).toContain('Bắc Giang, ngày      tháng      năm 2024');
  });
});

describe('writeReportDocx: the draft mark', () => {
  it('prints "DỰ THẢO" first, at the top, only on a draft', async () => {
    const draft = await textOf(quarterReport({ draft: true }));
    expect(draft.trimStart().split('\n')[0]).toBe('DỰ THẢO');
    expect(text).not.toContain('DỰ THẢO');
  });
});

describe('writeReportDocx: results', () => {
  it('writes the period totals as one sentence, each number with its label, zeros left out', () => {
    expect(text).toContain(
      'Trong kỳ báo cáo, Ban Dân tộc tỉnh Bắc Giang đã đăng tải 6 tin, bài viết; thực hiện 5 bài đăng mạng xã hội; '
      + 'ban hành 3 văn bản; tổ chức 2 hội nghị, 1 lớp tập huấn với 395 lượt người tham dự; có 5 TTHC được công khai; '
      + 'có 2 TTHC được cập nhật; có 200 tờ rơi, tài liệu phát hành.',
    );
    const general = between('1. Kết quả chung', '2. Kết quả theo từng nhiệm vụ');
    for (const [code, value] of Object.entries(report.totals)) {
      const label = labelInText(report.measureLabels[code]!);
      if (value === 0) expect(general, code).not.toContain(label);
      else expect(general, code).toContain(`${value} ${label}`);
    }
  });

  it('never prints a zero figure or a measure nobody reported', () => {
    expect(report.totals.contests).toBe(0);
    expect(text).not.toMatch(/\b0 [a-zđ]/);
    expect(text).not.toContain('hội thi');
    expect(text).not.toContain('lượt phát thanh');
  });

  it('gives the task count by status and the completion rate', () => {
    expect(text).toContain('Kế hoạch có 8 nhiệm vụ, trong đó: 4 nhiệm vụ hoàn thành, 1 nhiệm vụ đang thực hiện, 1 nhiệm vụ có nguy cơ chậm, 1 nhiệm vụ quá hạn, 1 nhiệm vụ chưa thực hiện.');
    expect(lines).toContain('Tỉ lệ nhiệm vụ hoàn thành đúng hạn: 50%.');
  });

  it('says when no task is due yet, and gives fractions with a decimal comma', async () => {
    expect(await textOf(quarterReport({ completionRate: null }))).toContain('Tỉ lệ nhiệm vụ hoàn thành đúng hạn: chưa có nhiệm vụ đến hạn.');
    expect(await textOf(quarterReport({ completionRate: 2 / 3 }))).toContain('Tỉ lệ nhiệm vụ hoàn thành đúng hạn: 66,7%.');
  });

  it('lists every task under its lettered group with its status, figures and narratives', () => {
    const byTask = between('2. Kết quả theo từng nhiệm vụ', 'II. KHÓ KHĂN');
    let at = 0;
    report.groups.forEach((group, g) => {
      const heading = `${'abc'[g]}) ${group.title}`;
      at = byTask.indexOf(`\n${heading}\n`, at);
      expect(at, heading).toBeGreaterThan(-1);
      for (const task of group.tasks) {
        const next = byTask.indexOf(`- ${task.content}: ${task.status}`, at);
        expect(next, task.content).toBeGreaterThan(at);
        at = next;
      }
    });
    expect(lines).toContain('- Đăng tải tin, bài về công tác CCHC trên Cổng TTĐT Ban Dân tộc: Hoàn thành; đăng tải 6 tin, bài viết.');
    expect(lines).toContain('- Tổ chức hội nghị quán triệt, triển khai nhiệm vụ CCHC năm 2024: Hoàn thành; tổ chức 2 hội nghị với 350 lượt người tham dự.');
    expect(lines).toContain('- Xây dựng chuyên mục hỏi đáp CCHC trên Cổng TTĐT: Chưa thực hiện.');
    expect(lines).toContain('- Chia sẻ thông tin CCHC trên Fanpage Facebook, nhóm Zalo của Ban: Đang thực hiện; thực hiện 5 bài đăng mạng xã hội.');
    expect(lines).toContain(`+ ${HC_TH}: Các TTHC được niêm yết đầy đủ tại Bộ phận một cửa.`);
    expect(lines).toContain(`+ ${THANH_TRA}: Mời giảng viên Sở Nội vụ.`);
    for (const task of allTasks(report)) for (const narrative of task.narratives) expect(byTask).toContain(narrative.replace(/\.$/, ''));
  });
});

describe('writeReportDocx: difficulties, next tasks, closing and signature', () => {
  it('lists each unit\'s difficulties and proposals, skipping units with neither', () => {
    const section = between('II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT', 'III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI');
    expect(section).toContain(`- ${HC_TH}: Kinh phí cho hoạt động tuyên truyền còn hạn chế.`);
    expect(section).toContain(`- ${CHINH_SACH}: Địa bàn vùng cao rộng, đi lại khó khăn.\nMột số thôn chưa có sóng điện thoại.`);
    expect(section).toContain(`- ${HC_TH}: Đề nghị bố trí thêm kinh phí in tài liệu tuyên truyền.`);
    expect(section).not.toContain(THANH_TRA);
    expect(section.indexOf('1. Khó khăn, vướng mắc')).toBeLessThan(section.indexOf('2. Đề xuất, kiến nghị'));
  });

  it('says so when no unit has difficulties or proposals', async () => {
    const calm = await textOf(quarterReport({ units: quarterReport().units.map((u) => ({ ...u, difficulties: '', proposals: '' })) }));
    expect(calm).toContain('Không có khó khăn, vướng mắc.');
    expect(calm).toContain('Không có đề xuất, kiến nghị.');
  });

  it('lists the next period\'s tasks with their lead and due text', () => {
    const section = between('III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI', 'Trên đây là');
    expect(section).toContain(`- Tổ chức Hội thi tìm hiểu về CCHC năm 2024 (chủ trì: ${HC_TH}; thời hạn: Quý II/2024).`);
    expect(section).toContain(`- Khảo sát mức độ hài lòng của người dân (chủ trì: ${THANH_TRA}; thời hạn: Tháng 6/2024).`);
  });

  it('closes, then prints "Nơi nhận:", the recipients ending with the archive line, and the signer', () => {
    const closing = text.indexOf('Trên đây là Báo cáo kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính Quý I/2024 của Ban Dân tộc tỉnh Bắc Giang./.');
    expect(closing).toBeGreaterThan(text.indexOf('III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI'));
    expect(text.indexOf('Nơi nhận:')).toBeGreaterThan(closing);
    expect(lines).toEqual(expect.arrayContaining(['Nơi nhận:', '- Sở Nội vụ;', '- Lãnh đạo Ban;', '- Các phòng, đơn vị thuộc Ban;', '- Lưu: VT, HCTH.']));
    expect(lines).toEqual(expect.arrayContaining(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'Nguyễn Văn Minh']));
  });

  it('keeps the headings in order I, II, III', () => {
    const order = ['I. KẾT QUẢ THỰC HIỆN', '1. Kết quả chung', '2. Kết quả theo từng nhiệm vụ', 'II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT', 'III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI'];
    const at = order.map((h) => lines.indexOf(h));
    expect(at.every((i) => i > -1)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('writeReportDocx: page layout', () => {
  it('is one A4 portrait section with the Decree 30 margins, Times New Roman, and page 1 unnumbered', async () => {
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const sections = xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(1);
    expect(sections[0]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(sections[0]).toMatch(/w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(sections[0]).toContain('<w:titlePg/>');
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
  });

  it('keeps the Vietnamese letters whole (NFC)', () => {
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('KHÓ KHĂN, VƯỚNG MẮC');
  });
});
