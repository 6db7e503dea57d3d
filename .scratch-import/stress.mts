import { readFileSync } from 'node:fs';
import { parsePlanText } from '../src/documents/import/text-plan.ts';
const text = readFileSync('test/fixtures/plans/bdt-bacgiang-2024.txt', 'utf8');
// warm
for (let i = 0; i < 5; i++) parsePlanText(text);
let t = performance.now(); const N = 20; for (let i = 0; i < N; i++) parsePlanText(text); console.log('fixture warm avg ms', (performance.now() - t) / N);
const big = text.repeat(200); // ~2.7 MB
t = performance.now(); const p = parsePlanText(big); console.log('2.7MB ms', performance.now() - t, p.appendix?.tasks.length);
const longLine = 'Phụ lục\nTT Nội dung, nhiệm vụ Phòng chủ trì Phòng phối hợp Kết quả/sản phẩm Thời gian hoàn thành\n1 ' + 'Tuyên truyền cải cách hành chính năm 2024 '.repeat(2000);
t = performance.now(); parsePlanText(longLine); console.log('long line ms', performance.now() - t);
const pasted = ('Một đoạn văn rất dài không có gì đặc biệt, chỉ là chữ. '.repeat(50) + '\n').repeat(4000);
t = performance.now(); parsePlanText(pasted); console.log('pasted 11MB ms', performance.now() - t, pasted.length);
