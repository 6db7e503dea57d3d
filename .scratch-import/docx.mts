import mammoth from 'mammoth';
import { buildPlanDocx } from '/work/main/test/unit/plan-import/build-docx.ts';
import { importPlanFile } from '/work/main/src/documents/import/extract.ts';
const buf = await buildPlanDocx();
const { value } = await mammoth.convertToHtml({ buffer: buf });
console.log(value.slice(0, 3000));
const plan = await importPlanFile({ name: 'plan.docx', bytes: new Uint8Array(buf) });
console.log(JSON.stringify({ ...plan, sections: plan.sections.length }, null, 1));
