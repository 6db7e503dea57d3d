import { parseDue } from '../src/documents/import/due-parser.ts';
for (const t of ['Tháng 3 - 6/2024', 'Từ tháng 3 đến tháng 6/2024', 'Quý I-II/2024', 'Quý I - Quý II/2024', 'Trước ngày 15 hằng tháng', 'Hằng tuần', '30-6-2024', '1/3/2024 - 30/6/2024', 'Năm 2024-2025', 'tháng 6 - 3/2024', 'Quý II - tháng 3/2024', 'T3-T6/2024'])
  console.log(t, JSON.stringify(parseDue(t)));
