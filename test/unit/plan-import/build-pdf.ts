/**
 * A minimal PDF writer for tests: one page per list of text runs, Helvetica, and a ToUnicode
 * map so that pdf.js extracts Vietnamese letters. Non-ASCII characters get the byte codes from
 * 0x80 up (so a page may use at most 128 of them); the glyphs drawn are wrong, the text layer is
 * right, which is all an importer reads.
 */

export interface TextRun {
  x: number;
  y: number;
  text: string;
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

function toUnicodeMap(codes: Map<string, number>): string {
  const chars = [...codes.entries()];
  const blocks: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const chunk = chars.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([ch, code]) => `<${hex(code, 2)}> <${[...ch].map((c) => hex(c.codePointAt(0) ?? 0, 4)).join('')}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<00> <FF>', 'endcodespacerange',
    '1 beginbfrange', '<20> <7E> <0020>', 'endbfrange',
    ...blocks,
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
}

/** Builds a PDF; `pages` empty of runs gives pages with no text layer (like a scan). */
export function buildPdf(pages: TextRun[][], options: { fontSize?: number } = {}): Uint8Array {
  const size = options.fontSize ?? 9;
  const codes = new Map<string, number>();
  const encode = (text: string): string => [...text.normalize('NFC')].map((ch) => {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (cp >= 0x20 && cp <= 0x7e) return hex(cp, 2);
    if (!codes.has(ch)) {
      if (codes.size >= 128) throw new Error('Too many distinct non-ASCII characters for one test PDF');
      codes.set(ch, 0x80 + codes.size);
    }
    return hex(codes.get(ch) ?? 0x3f, 2);
  }).join('');

  const contents = pages.map((runs) => runs.length
    ? runs.map((r) => `BT /F1 ${size} Tf ${r.x} ${r.y} Td <${encode(r.text)}> Tj ET`).join('\n')
    // A "scanned" page: only a filled rectangle, no text.
    : '0.5 g 40 40 500 750 re f');

  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 4 0 R >>';
  contents.forEach((content, i) => {
    const id = pageIds[i] ?? 0;
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  const cmap = toUnicodeMap(codes);
  objects[4] = `<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`;

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/**
 * Runs for lines of text top-down at x = 40 and for table rows. Like Word's PDFs, a row is drawn
 * cell by cell, each cell's wrapped lines one under the other, so the text comes out in the same
 * order as in real plans (a cell's lines together, then the next cell's).
 */
export function layout(lines: (string | { cells: [x: number, lines: string[]][] })[], top = 560, leading = 12): TextRun[] {
  const runs: TextRun[] = [];
  let y = top;
  for (const line of lines) {
    if (typeof line === 'string') {
      runs.push({ x: 40, y, text: line });
      y -= leading;
      continue;
    }
    for (const [x, cellLines] of line.cells) cellLines.forEach((text, k) => runs.push({ x, y: y - k * leading, text }));
    y -= leading * Math.max(1, ...line.cells.map(([, l]) => l.length));
  }
  return runs;
}
