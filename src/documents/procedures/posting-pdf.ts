/**
 * Desk posting sheets (niêm yết) as PDF: A4 pages with Noto Sans embedded (so Vietnamese prints
 * right on any machine), wrapped text, tables whose header repeats after a page break, a QR code
 * to the page of what is posted and the address for feedback. Pure: a `PostingSheet` in, bytes out.
 * The web sheet (modules/procedures/portal-sheets.ts) renders the same model.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { degrees, drawText, PDFDocument, PDFHexString, rgb, type Color, type PDFFont, type PDFName, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { ProcedureDataValue } from '../../modules/procedures/procedure-data.ts';
import { channelRows, CHANGE_HEADERS, CHANNEL_HEADERS, DOSSIER_HEADERS, LABELS, NOT_GIVEN, NOTHING, onlineLabel, POSTING_TITLE, stepsNumbered } from '../../modules/procedures/portal-text.ts';
import { formatDateVi } from '../../platform/vi-text.ts';

// Read once at start, from beside the sources (not the working directory).
const FONT_DIR = new URL('../../../assets/fonts/', import.meta.url);
const REGULAR = readFileSync(new URL('NotoSans-Regular.ttf', FONT_DIR));
const BOLD = readFileSync(new URL('NotoSans-Bold.ttf', FONT_DIR));
/**
 * Each font parsed once too: pdf-lib would parse the whole font again for every document and
 * lay out its first lines slowly (hundreds of milliseconds a sheet). Only the subset of the
 * glyphs a sheet uses is embedded in it.
 */
const PARSED = new Map([REGULAR, BOLD].map((bytes) => [bytes, fontkit.create(bytes)]));
const sharedFontkit: typeof fontkit = { ...fontkit, create: (bytes, name) => (bytes instanceof Buffer && PARSED.get(bytes)) || fontkit.create(bytes, name) };

export interface PostingAgency {
  name: string;
  parentName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface PostingChangeRow {
  effectiveFrom: string;
  /** The change kind as words ("Sửa đổi, bổ sung"). */
  change: string;
  code: string;
  name: string;
  /** "125/QĐ-UBND ngày 03/06/2024", or '' for a catalog update. */
  decision: string;
}

/** One part of a sheet; each starts on a new page and ends with the QR code of `url` and the feedback address. */
export type PostingSection =
  | { kind: 'contents'; heading: string; items: { code: string; name: string }[]; url: string }
  | { kind: 'procedure'; procedure: ProcedureDataValue; effectiveFrom: string; url: string; /** The satisfaction survey about it: a second QR code. */ surveyUrl?: string }
  | { kind: 'changes'; heading: string; rows: PostingChangeRow[]; url: string };

export interface PostingSheet {
  agency: PostingAgency;
  /** The day printed on the sheet (YYYY-MM-DD). */
  printedOn: string;
  /** Under the title: the field, or what the changes are since. */
  subtitle: string | null;
  /** Absolute address of the feedback page. */
  feedbackUrl: string;
  sections: PostingSection[];
}

/** The QR code of a text as one SVG path (a rectangle per run of dark modules), for the PDF and the web sheet alike. */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!modules.data[y * n + x]) continue;
      let w = 1;
      while (x + w < n && modules.data[y * n + x + w]) w++;
      d += `M${x} ${y}h${w}v1h-${w}z`;
      x += w - 1;
    }
  }
  return { size: n, d };
}

export const SURVEY_QR_CAPTION = 'Quét mã QR để đánh giá mức độ hài lòng về thủ tục này';

/** The feedback lines of every section: where to send it, by post, phone, e-mail and online. */
export function feedbackLines(agency: PostingAgency, feedbackUrl: string): string[] {
  return [
    `${LABELS.feedback} gửi về ${agency.name}`,
    ...(agency.address ? [`Địa chỉ: ${agency.address}`] : []),
    ...(agency.phone || agency.email ? [[agency.phone && `Điện thoại: ${agency.phone}`, agency.email && `Email: ${agency.email}`].filter(Boolean).join(' · ')] : []),
    `Trực tuyến: ${feedbackUrl}`,
  ];
}

// ---- layout

const A4: [number, number] = [595.28, 841.89];
const MARGIN = (15 / 25.4) * 72;
const FOOTER = 22;
const BODY = 11.5;
const LEADING = 1.3;
const GRAY = rgb(0.92, 0.92, 0.92);
const BLACK: Color = rgb(0, 0, 0);
const LINE = rgb(0.35, 0.35, 0.35);
const CELL_PAD = 3;

// Tabs read as spaces; other control characters would print as missing glyphs.
// eslint-disable-next-line no-control-regex
const clean = (text: string) => text.normalize('NFC').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '');

/**
 * A font with each character shaped once: pdf-lib measures and encodes every string through
 * fontkit's full OpenType layout (about a millisecond a line with Noto Sans). Text here is NFC
 * Vietnamese, one glyph per character without kerning (which pdf-lib does not apply either),
 * so widths and glyph codes are summed per character. Encoding each character through the font
 * still puts its glyph (and its Unicode for copying and search) in the subset.
 */
class Face {
  private readonly codes = new Map<string, { hex: string; width: number }>();
  private readonly keys = new WeakMap<PDFPage, PDFName>();

  constructor(readonly font: PDFFont) {}

  private glyph(ch: string) {
    let g = this.codes.get(ch);
    if (!g) {
      g = { hex: this.font.encodeText(ch).asString(), width: this.font.widthOfTextAtSize(ch, 1000) / 1000 };
      this.codes.set(ch, g);
    }
    return g;
  }

  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.glyph(ch).width;
    return w * size;
  }

  draw(page: PDFPage, text: string, x: number, y: number, size: number, color: Color = BLACK) {
    let hex = '';
    for (const ch of text) hex += this.glyph(ch).hex;
    let key = this.keys.get(page);
    if (!key) this.keys.set(page, (key = page.node.newFontDictionary(this.font.name, this.font.ref)));
    page.pushOperators(...drawText(PDFHexString.of(hex), { color, font: key, size, x, y, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }));
  }
}

interface Style {
  font?: Face;
  size?: number;
  indent?: number;
  align?: 'left' | 'center';
  /** Space after the block, in points. */
  after?: number;
}

/** Lines of `text` that fit `width`: by words, a word longer than the line by characters; `\n` breaks. */
function wrap(text: string, font: Face, size: number, width: number): string[] {
  const out: string[] = [];
  const fits = (s: string) => font.width(s, size) <= width;
  for (const paragraph of clean(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) { line = candidate; continue; }
      if (line) out.push(line);
      // A word longer than the line (an address, a long code) breaks between characters.
      let rest = [...word];
      while (!fits(rest.join(''))) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut).join(''))) cut--;
        out.push(rest.slice(0, cut).join(''));
        rest = rest.slice(cut);
      }
      line = rest.join('');
    }
    out.push(line);
  }
  return out;
}

class Flow {
  page!: PDFPage;
  y = 0;
  readonly width = A4[0] - 2 * MARGIN;
  private readonly bottom = MARGIN + FOOTER;

  constructor(private readonly doc: PDFDocument, readonly regular: Face, readonly bold: Face) {}

  newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Room left on the page, in points. */
  get room() {
    return this.y - this.bottom;
  }

  /** A new page unless `height` fits on this one. */
  keep(height: number) {
    if (this.room < height) this.newPage();
  }

  text(text: string, s: Style = {}) {
    const font = s.font ?? this.regular;
    const size = s.size ?? BODY;
    const indent = s.indent ?? 0;
    const lh = size * LEADING;
    for (const line of wrap(text, font, size, this.width - indent)) {
      this.keep(lh);
      const x = s.align === 'center' ? MARGIN + (this.width - font.width(line, size)) / 2 : MARGIN + indent;
      font.draw(this.page, line, x, this.y - size, size);
      this.y -= lh;
    }
    this.y -= s.after ?? 0;
  }

  /** Two short texts side by side (facts of a procedure), each wrapped in its half of the line. */
  pair(texts: string[]) {
    const gap = 12;
    const half = (this.width - gap) / 2;
    const lh = BODY * LEADING;
    const cols = texts.map((t) => wrap(t, this.regular, BODY, half));
    const rows = Math.max(...cols.map((c) => c.length));
    this.keep(rows * lh);
    cols.forEach((lines, i) => lines.forEach((line, j) => this.regular.draw(this.page, line, MARGIN + i * (half + gap), this.y - BODY - j * lh, BODY)));
    this.y -= rows * lh;
  }

  heading(text: string) {
    // A heading never ends a page: it keeps at least two lines of what follows with it.
    this.keep(BODY * LEADING * 4);
    this.y -= 3;
    this.text(text, { font: this.bold, size: 12, after: 1 });
  }

  /** A list: each item after its marker ("1.", "–"), wrapped lines aligned after the marker. */
  list(items: string[], numbered: boolean) {
    const indent = numbered ? 22 : 14;
    items.forEach((item, i) => {
      const marker = numbered ? `${i + 1}.` : '–';
      const lines = wrap(item, this.regular, BODY, this.width - indent);
      const lh = BODY * LEADING;
      lines.forEach((line, j) => {
        this.keep(lh);
        if (j === 0) this.regular.draw(this.page, marker, MARGIN, this.y - BODY, BODY);
        this.regular.draw(this.page, line, MARGIN + indent, this.y - BODY, BODY);
        this.y -= lh;
      });
    });
    this.y -= 2;
  }

  /**
   * A table with borders. Column widths are fractions of the line; the header row repeats on each
   * page; a row taller than what is left breaks across pages line by line.
   */
  table(headers: readonly string[], widths: number[], rows: string[][], size = 10.5) {
    const cols = widths.map((w) => w * this.width);
    const lh = size * LEADING;
    const cellsOf = (row: string[], font: Face) => row.map((c, i) => wrap(c, font, size, cols[i]! - 2 * CELL_PAD));
    const head = cellsOf([...headers], this.bold);
    const headHeight = Math.max(...head.map((c) => c.length)) * lh + 2 * CELL_PAD;
    const drawRow = (cells: string[][], from: number, count: number, font: Face, fill?: Color) => {
      const h = count * lh + 2 * CELL_PAD;
      let x = MARGIN;
      cells.forEach((lines, i) => {
        this.page.drawRectangle({ x, y: this.y - h, width: cols[i]!, height: h, borderColor: LINE, borderWidth: 0.6, color: fill });
        lines.slice(from, from + count).forEach((line, j) => font.draw(this.page, line, x + CELL_PAD, this.y - CELL_PAD - j * lh - size, size));
        x += cols[i]!;
      });
      this.y -= h;
    };
    const header = () => drawRow(head, 0, Math.max(...head.map((c) => c.length)), this.bold, GRAY);
    // Lines of a row on a page of its own, below the repeated header.
    const pageLines = Math.floor((A4[1] - 2 * MARGIN - FOOTER - headHeight - 2 * CELL_PAD) / lh);
    const body = rows.map((row) => cellsOf(row, this.regular));
    const first = Math.max(1, ...(body[0] ?? []).map((c) => c.length));
    // The header never stays alone at the foot of a page.
    this.keep(headHeight + Math.min(first, pageLines) * lh + 2 * CELL_PAD);
    header();
    for (const cells of body) {
      const total = Math.max(1, ...cells.map((c) => c.length));
      let done = 0;
      while (done < total) {
        const fit = Math.floor((this.room - 2 * CELL_PAD) / lh);
        // A row moves whole to the next page when it fits there; a longer one breaks, never leaving one line behind.
        const moveWhole = done === 0 && total > fit && total <= pageLines;
        if (moveWhole || fit < Math.min(total - done, 2)) {
          this.newPage();
          header();
          continue;
        }
        const count = Math.min(fit, total - done);
        drawRow(cells, done, count, this.regular);
        done += count;
      }
    }
    this.y -= 6;
  }

  /** The closing box: the QR code of `url` on the left, the address and the feedback lines beside it, kept together. */
  qrBox(url: string, lines: string[], caption = 'Quét mã QR để xem trên cổng thông tin') {
    const qr = qrPath(url);
    // 27 mm: scanned easily from a desk's notice board.
    const side = 76;
    const quiet = 2;
    const textX = side + 14;
    const size = 9.5;
    const lh = size * 1.25;
    const all = [{ text: `${caption}: ${url}`, bold: false }, ...lines.map((t, i) => ({ text: t, bold: i === 0 }))];
    const wrapped = all.flatMap((l) => wrap(l.text, l.bold ? this.bold : this.regular, size, this.width - textX).map((t) => ({ t, bold: l.bold })));
    const height = Math.max(side, wrapped.length * lh) + 12;
    this.keep(height);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.6, color: LINE });
    this.y -= 6;
    const scale = side / (qr.size + 2 * quiet);
    this.page.drawSvgPath(qr.d, { x: MARGIN + quiet * scale, y: this.y - quiet * scale, scale, color: BLACK, borderWidth: 0 });
    wrapped.forEach((l, i) => (l.bold ? this.bold : this.regular).draw(this.page, l.t, MARGIN + textX, this.y - size - i * lh, size));
    this.y -= height - 12;
  }
}

function sectionHeader(f: Flow, sheet: PostingSheet) {
  f.newPage();
  if (sheet.agency.parentName) f.text(sheet.agency.parentName.toLocaleUpperCase('vi'), { size: 10 });
  f.text(sheet.agency.name.toLocaleUpperCase('vi'), { font: f.bold, size: 10.5, after: 8 });
  f.text(POSTING_TITLE, { font: f.bold, size: 17, align: 'center', after: 2 });
  if (sheet.subtitle) f.text(sheet.subtitle, { size: 12, align: 'center' });
  f.y -= 6;
}

/** One procedure as the national database lays it out, headings numbered. */
function procedureSection(f: Flow, p: ProcedureDataValue, effectiveFrom: string) {
  f.text(p.name, { font: f.bold, size: 14, after: 4 });
  const facts: [string, string][] = [
    [LABELS.code, p.code],
    [LABELS.field, p.field],
    [LABELS.level, p.level || NOT_GIVEN],
    [LABELS.agency, p.implementingAgency || NOT_GIVEN],
    [LABELS.online, onlineLabel(p.onlineLevel)],
    ['Có hiệu lực từ ngày', formatDateVi(effectiveFrom)],
  ];
  for (let i = 0; i < facts.length; i += 2) f.pair(facts.slice(i, i + 2).map(([label, value]) => `${label}: ${value}`));
  let n = 0;
  const h = (label: string) => f.heading(`${++n}. ${label}`);
  const para = (text: string, empty: string) => f.text(text || empty, { after: 2 });

  h(LABELS.steps);
  if (p.steps.length) f.list(p.steps, !stepsNumbered(p.steps));
  else para('', NOT_GIVEN);
  h(LABELS.channels);
  const channels = channelRows(p.channels);
  if (channels.length) f.table(CHANNEL_HEADERS, [0.23, 0.23, 0.2, 0.34], channels.map((c) => [c.label, c.processingTime || NOT_GIVEN, c.fee || NOTHING, c.description]));
  else para('', NOT_GIVEN);
  h(LABELS.dossier);
  if (p.dossier.length) f.table(DOSSIER_HEADERS, [0.07, 0.67, 0.13, 0.13], p.dossier.map((d, i) => [String(i + 1), d.name, String(d.originals), String(d.copies)]));
  else para('', NOT_GIVEN);
  h(LABELS.applicants);
  para(p.applicants, NOT_GIVEN);
  h(LABELS.result);
  para(p.result, NOT_GIVEN);
  h(LABELS.forms);
  if (p.forms.length) f.list(p.forms, false);
  else para('', NOTHING);
  h(LABELS.conditions);
  para(p.conditions, NOTHING);
  h(LABELS.legalBasis);
  if (p.legalBasis.length) f.list(p.legalBasis, false);
  else para('', NOT_GIVEN);
}

/** The sheet as PDF: every section from a new page, page numbers and the printing day in the footer of every page. */
export async function postingSheetPdf(sheet: PostingSheet): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(sharedFontkit);
  const [regularFont, boldFont] = await Promise.all([doc.embedFont(REGULAR, { subset: true }), doc.embedFont(BOLD, { subset: true })]);
  const regular = new Face(regularFont);
  const bold = new Face(boldFont);
  doc.setTitle(`${POSTING_TITLE}${sheet.subtitle ? ` – ${sheet.subtitle}` : ''}`, { showInWindowTitleBar: true });
  doc.setAuthor(sheet.agency.name);
  doc.setLanguage('vi');
  doc.setCreator('Minh Bạch');
  doc.setProducer('Minh Bạch');
  const f = new Flow(doc, regular, bold);
  const feedback = feedbackLines(sheet.agency, sheet.feedbackUrl);

  for (const s of sheet.sections) {
    sectionHeader(f, sheet);
    if (s.kind === 'procedure') procedureSection(f, s.procedure, s.effectiveFrom);
    else if (s.kind === 'contents') {
      f.text(s.heading, { font: bold, size: 13, after: 4 });
      f.table(['TT', LABELS.code, LABELS.name], [0.07, 0.2, 0.73], s.items.map((p, i) => [String(i + 1), p.code, p.name]));
    } else {
      f.text(s.heading, { font: bold, size: 13, after: 4 });
      if (s.rows.length) f.table(CHANGE_HEADERS, [0.14, 0.16, 0.15, 0.33, 0.22], s.rows.map((r) => [formatDateVi(r.effectiveFrom), r.change, r.code, r.name, r.decision]), 10.5);
      else f.text('Không có thay đổi nào.');
    }
    f.qrBox(s.url, feedback);
    if (s.kind === 'procedure' && s.surveyUrl) f.qrBox(s.surveyUrl, [], SURVEY_QR_CAPTION);
  }
  if (sheet.sections.length === 0) sectionHeader(f, sheet);

  const pages = doc.getPages();
  const foot = `Niêm yết ngày ${formatDateVi(sheet.printedOn)} · ${sheet.agency.name}`;
  pages.forEach((page, i) => {
    const label = `Trang ${i + 1}/${pages.length}`;
    const size = 9;
    regular.draw(page, wrap(foot, regular, size, A4[0] - 2 * MARGIN - 70)[0]!, MARGIN, MARGIN, size, LINE);
    regular.draw(page, label, A4[0] - MARGIN - regular.width(label, size), MARGIN, size, LINE);
  });
  return Buffer.from(await doc.save());
}
