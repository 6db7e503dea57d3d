import mammoth from 'mammoth';
import { writePlanDocx } from '../src/documents/decree30/plan-docx.ts';
import { largePlan, BAC_GIANG_HEADER } from '../test/unit/decree30/plans.ts';
import { readHtmlBlocks, tableGrid } from '../src/documents/import/html-blocks.ts';
import { readDocx } from '../src/documents/import/docx-reader.ts';
import { parsePlanText } from '../src/documents/import/text-plan.ts';
const big = largePlan(300);
const docx = await writePlanDocx(big, BAC_GIANG_HEADER);
for (let k = 0; k < 2; k++) {
let t = performance.now();
const { value } = await mammoth.convertToHtml({ buffer: docx });
console.log('mammoth', performance.now() - t, value.length); t = performance.now();
const blocks = readHtmlBlocks(value); console.log('blocks', performance.now() - t); t = performance.now();
const d = await readDocx(new Uint8Array(docx)); console.log('readDocx', performance.now() - t); t = performance.now();
parsePlanText(d.text, { tables: d.tables, paragraphs: true }); console.log('parse', performance.now() - t);
}
