/**
 * A small, tolerant reader for the HTML mammoth makes of a DOCX: paragraphs (p, h1–h6, li) and
 * tables (tr, td/th with colspan/rowspan, nested tables flattened into their cell). Mammoth's
 * output is simple and well formed, so a tag scanner is enough and no HTML library is needed.
 */

export interface HtmlCell {
  /** The cell's paragraphs, in order. */
  lines: string[];
  colspan: number;
  rowspan: number;
}

export type HtmlBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: HtmlCell[][] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function span(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 && n <= 1000 ? n : 1;
}

interface OpenTable {
  rows: HtmlCell[][];
  cell: HtmlCell | null;
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

export function readHtmlBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  const tables: OpenTable[] = [];
  let text = '';

  const flush = (): void => {
    const line = text.replace(/[ \t\r\f]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    text = '';
    if (!line) return;
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.lines.push(...line.split('\n'));
    else if (!table) blocks.push({ kind: 'paragraph', text: line });
  };

  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)|</g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[4] !== undefined) {
      text += decodeEntities(m[4]);
      continue;
    }
    if (m[2] === undefined) {
      text += '<';
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    const table = tables[tables.length - 1];
    if (BLOCK_TAGS.has(name)) flush();
    else if (name === 'br') text += tables.length ? '\n' : ' ';
    else if (name === 'table' && !closing) {
      flush();
      tables.push({ rows: [], cell: null });
    } else if (name === 'table' && closing && table) {
      flush();
      tables.pop();
      const outer = tables[tables.length - 1];
      // A table inside a cell is read as more lines of that cell.
      if (outer?.cell) outer.cell.lines.push(...table.rows.flatMap((r) => r.flatMap((c) => c.lines)));
      else if (!outer) blocks.push({ kind: 'table', rows: table.rows });
    } else if (name === 'tr' && !closing && table) {
      flush();
      table.rows.push([]);
      table.cell = null;
    } else if ((name === 'td' || name === 'th') && table) {
      flush();
      if (closing) {
        table.cell = null;
      } else {
        if (!table.rows.length) table.rows.push([]);
        table.cell = { lines: [], colspan: span(attrs, 'colspan'), rowspan: span(attrs, 'rowspan') };
        table.rows[table.rows.length - 1]?.push(table.cell);
      }
    }
  }
  flush();
  while (tables.length) {
    const open = tables.pop();
    if (open && !tables.length) blocks.push({ kind: 'table', rows: open.rows });
  }
  return blocks;
}

/**
 * A table as a grid of cell texts (lines joined with "\n"). A cell spanning rows repeats its
 * text in each row (a lead unit merged over three tasks leads all three) except in the first
 * column, where it is a TT number that belongs to one row; a cell spanning columns fills only
 * its first column.
 */
export function tableGrid(rows: readonly HtmlCell[][]): string[][] {
  const grid: string[][] = [];
  const pending: (string | undefined)[][] = [];
  rows.forEach((row, r) => {
    const out: string[] = [];
    grid.push(out);
    let c = 0;
    const takeSpanned = (): void => {
      while (pending[r]?.[c] !== undefined) {
        out[c] = pending[r]?.[c] ?? '';
        c++;
      }
    };
    takeSpanned();
    for (const cell of row) {
      takeSpanned();
      const text = cell.lines.join('\n');
      for (let dc = 0; dc < cell.colspan; dc++) {
        out[c + dc] = dc === 0 ? text : '';
        for (let dr = 1; dr < cell.rowspan; dr++) {
          (pending[r + dr] ??= [])[c + dc] = dc === 0 && c > 0 ? text : '';
        }
      }
      c += cell.colspan;
    }
    takeSpanned();
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}
