/**
 * The page layout of the DOCX, read from its XML (the file is a zip): geometry, fonts, the
 * unnumbered first page, the landscape appendix. When LibreOffice is installed the file is also
 * printed to PDF and the pages looked at; without it that check is skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePlanDocx } from '../../../src/documents/decree30/plan-docx.ts';
import { BAC_GIANG_HEADER, bacGiangPlan, largePlan } from './plans.ts';

let docx: Buffer;
let xml = '';

beforeAll(async () => {
  docx = await writePlanDocx(bacGiangPlan(), BAC_GIANG_HEADER);
  xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
});

/** The `<w:sectPr>` elements in document order: the body's first, the appendix's last. */
function sections(): string[] {
  return xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
}

describe('writePlanDocx: page layout', () => {
  it('has an A4 portrait body and an A4 landscape appendix section', () => {
    const [body, appendix] = sections();
    expect(sections()).toHaveLength(2);
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(appendix).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
  });

  it('has the Decree 30 margins: 20 mm top and bottom, 30 mm left, 15 mm right', () => {
    for (const section of sections()) {
      const margin = /<w:pgMar ([^>]*)\/>/.exec(section)?.[1] ?? '';
      expect(margin).toContain('w:top="1134"');
      expect(margin).toContain('w:bottom="1134"');
      expect(margin).toContain('w:left="1701"');
      expect(margin).toContain('w:right="850"');
    }
  });

  it('leaves page 1 unnumbered and numbers the rest in a centred header', async () => {
    const [body, appendix] = sections();
    expect(body).toContain('<w:titlePg/>');
    expect(body).toMatch(/<w:headerReference w:type="first"/);
    expect(appendix).toMatch(/<w:headerReference w:type="default"/);
    const zip = await JSZip.loadAsync(docx);
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const numbered = headers.filter((h) => h.includes('PAGE'));
    expect(numbered.length).toBeGreaterThanOrEqual(1);
    for (const header of numbered) expect(header).toContain('<w:jc w:val="center"/>');
  });

  it('sets Times New Roman on the text and as the document default', async () => {
    const fonts = [...xml.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(20);
    for (const font of fonts) expect(font).toContain('w:ascii="Times New Roman"');
    const styles = await (await JSZip.loadAsync(docx)).file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);
  });

  it('sets the Decree 30 sizes: body 14 pt, national title 12 pt, recipients 11 pt', () => {
    const size = (text: string) => new RegExp(`<w:sz w:val="(\\d+)"/>(?:(?!</w:r>).)*<w:t xml:space="preserve">${text}</w:t>`).exec(xml)?.[1];
    expect(size('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe('24');
    expect(size('Độc lập - Tự do - Hạnh phúc')).toBe('26');
    expect(size('BAN DÂN TỘC')).toBe('26');
    expect(size('Nơi nhận:')).toBe('24');
    expect(size('- Sở Nội vụ;')).toBe('22');
    expect(size('KẾ HOẠCH')).toBe('28');
  });

  it('justifies body paragraphs with a 1 cm first-line indent', () => {
    expect(xml).toMatch(/<w:ind w:firstLine="567"\/>[\s\S]*?<w:jc w:val="both"\/>/);
  });

  it('repeats the appendix header row on every page', () => {
    const appendix = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(appendix.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(appendix.indexOf('<w:tblHeader/>')).toBeLessThan(appendix.indexOf('Nội dung, nhiệm vụ'));
  });
});

describe('writePlanDocx: a 300-task plan', () => {
  it('writes every task (the time is measured, not asserted)', async () => {
    const plan = largePlan(300);
    const started = performance.now();
    const big = await writePlanDocx(plan, BAC_GIANG_HEADER);
    const elapsed = performance.now() - started;
    console.log(`DOCX export, 300 tasks: ${Math.round(elapsed)} ms, ${Math.round(big.length / 1024)} KiB`);
    const bigXml = await (await JSZip.loadAsync(big)).file('word/document.xml')!.async('string');
    const appendix = bigXml.slice(bigXml.lastIndexOf('<w:tbl>'));
    // Header row + 300 tasks + 12 groups (2 letters, 10 numbered).
    expect(appendix.match(/<w:tr>/g)).toHaveLength(1 + 300 + 12);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe.skipIf(!soffice)('writePlanDocx: printed by LibreOffice', () => {
  it('prints page 1 unnumbered, numbers from 2, and the appendix on landscape pages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'minhbach-d30-'));
    try {
      await writeFile(join(dir, 'plan.docx'), docx);
      // A profile of its own, so a LibreOffice already running elsewhere does not take the job.
      await promisify(execFile)(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'plan.docx')], { timeout: 60_000 });
      const pdf = await getDocumentProxy(new Uint8Array(await readFile(join(dir, 'plan.pdf'))));
      const pages = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/\s+/g, ' ').trim();
        pages.push({ width: page.view[2] ?? 0, height: page.view[3] ?? 0, text });
      }
      expect(pages[0]!.text.startsWith('UBND TỈNH BẮC GIANG')).toBe(true);
      expect(pages[0]!.height).toBeGreaterThan(pages[0]!.width);
      expect(pages[1]!.text.startsWith('2 ')).toBe(true);
      const appendix = pages.findIndex((p) => p.text.includes('Phụ lục'));
      expect(appendix).toBeGreaterThan(0);
      for (const page of pages.slice(appendix)) expect(page.width).toBeGreaterThan(page.height);
      expect(pages.at(-1)!.text).toContain('Lồng ghép tuyên truyền CCHC vào Hội thi');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
