/** The importer's smaller parts, each on the cases that made it necessary. */
import { describe, expect, it } from 'vitest';
import { parseBasis, findTheme } from '../../../src/documents/import/basis.ts';
import { isProductLike, isUnitLike, splitUnits } from '../../../src/documents/import/cell-kinds.ts';
import { columnOf, isHeaderish, segmentHeader } from '../../../src/documents/import/columns.ts';
import { agencyName, parseAttachment, parseHeader } from '../../../src/documents/import/header.ts';
import { decodeEntities, readHtmlBlocks, tableGrid } from '../../../src/documents/import/html-blocks.ts';
import { joinWrapped } from '../../../src/documents/import/lines.ts';
import { findChannels, findIndices } from '../../../src/documents/import/mentions.ts';
import { cutRow } from '../../../src/documents/import/row-cells.ts';

describe('header', () => {
  it('reads both columns whether on the same lines or one after the other', () => {
    const sameLines = parseHeader([
      'UBND TỈNH BẮC GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BAN DÂN TỘC Độc lập - Tự do - Hạnh phúc',
      'Số: 05/KH-BDT Bắc Giang, ngày 05 tháng 02 năm 2024',
    ]);
    const stacked = parseHeader(['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc', 'UBND TỈNH BẮC GIANG', 'BAN DÂN TỘC', '_______',
      'Số: 05/KH-BDT', 'Bắc Giang, ngày 05 tháng 02 năm 2024']);
    const want = { parentAgency: 'UBND TỈNH BẮC GIANG', agency: 'BAN DÂN TỘC', numberText: '05/KH-BDT', numberSuffix: 'KH-BDT', place: 'Bắc Giang', signDate: '2024-02-05', year: 2024 };
    expect(sameLines).toEqual(want);
    expect(stacked).toEqual(want);
  });

  it('keeps a blank number and date of an unsigned plan', () => {
    expect(parseHeader(['Số:      /KH-BDT', 'Bắc Giang, ngày      tháng 02 năm 2024'])).toMatchObject({ numberText: '/KH-BDT', signDate: null, year: 2024 });
  });

  it('reads the attachment line under an appendix title', () => {
    expect(parseAttachment('(Kèm theo Kế hoạch số             /KH-BDT ngày          /02/2024 của Ban Dân tộc tỉnh Bắc Giang)')).toEqual({
      docType: 'Kế hoạch', numberText: '/KH-BDT', numberSuffix: 'KH-BDT', signDate: null, year: 2024, issuer: 'Ban Dân tộc', province: 'Bắc Giang',
    });
    expect(parseAttachment('(Kèm theo Quyết định số 12/QĐ-UBND ngày 15/01/2025 của UBND tỉnh Bắc Giang)')).toMatchObject({
      numberText: '12/QĐ-UBND', signDate: '2025-01-15', issuer: 'UBND tỉnh Bắc Giang', province: 'Bắc Giang',
    });
  });

  it('names the agency as the body writes it', () => {
    expect(agencyName('PHÒNG NỘI VỤ', 'Trưởng phòng Nội vụ chỉ đạo. Phòng Nội vụ ban hành.')).toBe('Phòng Nội vụ');
    expect(agencyName('PHÒNG NỘI VỤ', 'trưởng phòng nội vụ')).toBe('Phòng nội vụ');
    expect(agencyName('ỦY BAN NHÂN DÂN TỈNH BẮC GIANG', '')).toBe('Ủy ban nhân dân tỉnh Bắc Giang');
  });
});

describe('basis and theme', () => {
  it('splits a paragraph holding several references and reads laws without a number', () => {
    expect(parseBasis('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;')).toEqual([
      { text: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015', type: 'Luật', number: null, date: '2015-06-19', issuer: null },
      { text: 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019', type: 'Luật', number: null, date: '2019-11-22', issuer: null },
    ]);
    expect(parseBasis('Căn cứ Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ phê duyệt Đề án …')[0]).toMatchObject({
      text: 'Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ', number: '1291/QĐ-TTg', issuer: 'Thủ tướng Chính phủ',
    });
  });

  it('finds the quoted theme in either kind of quotes', () => {
    expect(findTheme('bám sát chủ đề năm 2024 của Chính phủ: "Kỷ cương trách nhiệm"; đưa')).toBe('Kỷ cương trách nhiệm');
    expect(findTheme('Chủ đề công tác năm 2025 là “Tăng tốc,\nbứt phá”.')).toBe('Tăng tốc, bứt phá');
    expect(findTheme('Không có chủ đề.')).toBeNull();
  });
});

describe('channels and indices', () => {
  it('normalises names and keeps the order of first mention', () => {
    expect(findChannels('Đăng trên Zalo, trang Facebook và Cổng TTĐT; Cổng thông tin điện tử của Ban')).toEqual(['Zalo', 'Facebook', 'Cổng Thông tin điện tử']);
    expect(findIndices('Chỉ số SIPAS, chỉ số PAPI, Par Index và PCI')).toEqual(['SIPAS', 'PAPI', 'PAR INDEX', 'PCI']);
  });
});

describe('units, products and columns', () => {
  it('splits unit lists but keeps one unit-group phrase whole', () => {
    expect(splitUnits('Phòng HC-TH, Phòng KH-TT')).toEqual(['Phòng HC-TH', 'Phòng KH-TT']);
    expect(splitUnits('Các phòng chuyên môn, đơn vị')).toEqual(['Các phòng chuyên môn, đơn vị']);
    expect(splitUnits('UBND các xã, thị trấn; Công an huyện')).toEqual(['UBND các xã, thị trấn', 'Công an huyện']);
    expect(splitUnits('Các phòng chuyên\nmôn')).toEqual(['Các phòng chuyên môn']);
    expect(splitUnits('Văn phòng HĐND và\nUBND huyện')).toEqual(['Văn phòng HĐND và UBND huyện']);
    expect(splitUnits('- Sở Nội vụ\n- Sở Tư pháp')).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);
  });

  it('tells unit names from sentences and products', () => {
    for (const unit of ['Phòng HC-TH', 'Các phòng chuyên môn', 'Sở Thông tin và Truyền thông', 'Thanh tra Ban', 'HC-TH', 'Văn phòng', 'UBND huyện']) expect(isUnitLike(unit), unit).toBe(true);
    for (const other of ['Bộ phận một cửa trên Cổng TTĐT', 'Hội nghị', 'Tờ rơi', 'Phòng HC-TH tổ chức hội nghị', 'Kế hoạch']) expect(isUnitLike(other), other).toBe(false);
    for (const product of ['Kế hoạch', 'Văn bản/tin bài viết', '02 Hội nghị', 'Tin, bài', 'Báo cáo']) expect(isProductLike(product), product).toBe(true);
  });

  it('maps other agencies\' column titles to the canonical ones', () => {
    expect(['STT', 'Nội dung công việc', 'Cơ quan/Đơn vị chủ trì', 'Cơ quan/Đơn vị phối hợp', 'Sản phẩm', 'Thời gian thực hiện', 'Ghi chú', 'Dự toán (triệu đồng)'].map((t) => columnOf(t).title))
      .toEqual(['TT', 'Nội dung, nhiệm vụ', 'Phòng chủ trì', 'Phòng phối hợp', 'Kết quả/sản phẩm', 'Thời gian hoàn thành', 'Ghi chú', 'Dự toán (triệu đồng)']);
    expect(segmentHeader('TT Nội dung, nhiệm vụ Phòng chủ trì Phòng phối hợp Kết quả/sản phẩm Thời gian hoàn thành').map((c) => c.kind))
      .toEqual(['tt', 'content', 'lead', 'coop', 'product', 'due']);
    // An unknown column stays a column; words qualifying a known title do not become one.
    expect(segmentHeader('STT Nội dung Đối tượng Đơn vị chủ trì Thời gian (dự kiến) Dự kiến kinh phí (triệu đồng) Ghi chú').map((c) => c.title))
      .toEqual(['TT', 'Nội dung, nhiệm vụ', 'Đối tượng', 'Phòng chủ trì', 'Thời gian hoàn thành', 'Kinh phí', 'Ghi chú']);
    expect(isHeaderish('STT Nội dung Đối tượng Đơn vị chủ trì')).toBe(true);
    expect(isHeaderish('NỘI DUNG, NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024')).toBe(false);
    expect(isHeaderish('Phòng HC-TH')).toBe(false);
  });
});

describe('cutting a PDF row into cells', () => {
  const kinds = ['tt', 'content', 'lead', 'coop', 'product', 'due'] as const;

  it('separates cells sharing a line and joins cells wrapped over lines', () => {
    expect(cutRow(['Xây dựng Kế hoạch tuyên truyền năm 2024  Phòng HC-TH', 'Các phòng chuyên', 'môn', 'Kế hoạch T2/2024'], [...kinds], 2024)).toEqual({
      content: 'Xây dựng Kế hoạch tuyên truyền năm 2024', lead: 'Phòng HC-TH', coop: 'Các phòng chuyên môn', product: 'Kế hoạch', due: 'T2/2024',
    });
  });

  it('does not take a unit named inside the content for the lead', () => {
    expect(cutRow(['Công khai các TTHC tại Bộ phận một cửa trên Cổng TTĐT Phòng HC-TH', 'Các phòng chuyên', 'môn', 'Văn bản/tin', 'bài viết', 'Cả năm 2024'], [...kinds], 2024)).toEqual({
      content: 'Công khai các TTHC tại Bộ phận một cửa trên Cổng TTĐT', lead: 'Phòng HC-TH', coop: 'Các phòng chuyên môn', product: 'Văn bản/tin bài viết', due: 'Cả năm 2024',
    });
  });

  it('leaves missing cells empty rather than stealing text', () => {
    expect(cutRow(['Kiểm tra việc thực hiện', 'Tổ Tổng hợp', 'Quý IV'], [...kinds], 2025)).toEqual({ content: 'Kiểm tra việc thực hiện', lead: 'Tổ Tổng hợp', due: 'Quý IV' });
    expect(cutRow(['Công tác tuyên truyền'], [...kinds], 2024)).toEqual({ content: 'Công tác tuyên truyền' });
  });
});

describe('paragraphs from printed lines', () => {
  it('joins wrapped lines and starts paragraphs at labels, short lines and sentence ends', () => {
    const lines = [
      '1. Tuyên truyền thông qua các phương tiện thông tin đại chúng, ứng dụng mạng xã hội và',
      'các nền tảng số phù hợp với từng đối tượng, bảo đảm kịp thời, chính xác và hiệu quả',
      'cao nhất', '', 'Thông tin, tuyên truyền về CCHC thông qua Cổng thông tin điện tử của cơ quan, trang',
      'Zalo của Ban. Lồng ghép nội dung vào các chuyên mục, chuyên trang phù hợp với từng loại.',
      '- Kịp thời công bố, công khai đầy đủ các TTHC trên Cổng TTĐT, phát triển kinh tế', '- xã hội của tỉnh;',
      '2', '- Thường xuyên cập nhật các TTHC.',
    ];
    expect(joinWrapped(lines).map((p) => p.text)).toEqual([
      '1. Tuyên truyền thông qua các phương tiện thông tin đại chúng, ứng dụng mạng xã hội và các nền tảng số phù hợp với từng đối tượng, bảo đảm kịp thời, chính xác và hiệu quả cao nhất',
      'Thông tin, tuyên truyền về CCHC thông qua Cổng thông tin điện tử của cơ quan, trang Zalo của Ban. Lồng ghép nội dung vào các chuyên mục, chuyên trang phù hợp với từng loại.',
      '- Kịp thời công bố, công khai đầy đủ các TTHC trên Cổng TTĐT, phát triển kinh tế - xã hội của tỉnh;',
      '- Thường xuyên cập nhật các TTHC.',
    ]);
  });
});

describe('mammoth HTML', () => {
  it('reads paragraphs, entities, nested tables and spans', () => {
    expect(decodeEntities('A &amp; B &lt;C&gt; &#7871; &#x1EBF; &nbsp;&bogus;')).toBe('A & B <C> ế ế  &bogus;');
    const html = '<p>Trước</p><table><tr><td>TT</td><td colspan="2"><p>Gộp</p></td></tr>'
      + '<tr><td rowspan="2"><p>1</p></td><td><p>a<br />b</p></td><td rowspan="2"><p>Phòng X</p></td></tr>'
      + '<tr><td><p>c</p><table><tr><td><p>lồng</p></td></tr></table></td></tr></table><p>Sau</p>';
    const blocks = readHtmlBlocks(html);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = blocks[1];
    if (table?.kind !== 'table') throw new Error('table expected');
    expect(tableGrid(table.rows)).toEqual([
      ['TT', 'Gộp', ''],
      ['1', 'a\nb', 'Phòng X'],
      ['', 'c\nlồng', 'Phòng X'],
    ]);
  });
});
