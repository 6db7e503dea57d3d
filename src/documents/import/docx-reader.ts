/**
 * DOCX through mammoth's HTML, which keeps real tables: the task table is returned as a grid
 * (read cell by cell, so wrapped cells never need re-joining) and everything else as one line
 * per paragraph. Other tables (the two-column header, the signature block beside "Nơi nhận")
 * are flattened cell by cell, which puts each column's lines together in reading order.
 */
import mammoth from 'mammoth';
import { assertZipWithinLimits } from '../../platform/media/zip-guard.ts';
import { readTableAppendix } from './appendix-table.ts';
import { readHtmlBlocks, tableGrid } from './html-blocks.ts';

export interface DocxContent {
  text: string;
  tables: string[][][];
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  assertZipWithinLimits(bytes);
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const lines: string[] = [];
  const tables: string[][][] = [];
  for (const block of readHtmlBlocks(html)) {
    if (block.kind === 'paragraph') {
      lines.push(block.text);
      continue;
    }
    const grid = tableGrid(block.rows);
    if (readTableAppendix(grid)) tables.push(grid);
    else lines.push(...block.rows.flatMap((row) => row.flatMap((cell) => cell.lines)));
  }
  return { text: lines.join('\n'), tables };
}
