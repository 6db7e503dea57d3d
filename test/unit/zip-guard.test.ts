import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writePlanDocx } from '../../src/documents/decree30/plan-docx.ts';
import { writePlanTasksXlsx } from '../../src/documents/xlsx/plan-tasks-xlsx.ts';
import { DomainError } from '../../src/platform/errors.ts';
import { assertZipWithinLimits } from '../../src/platform/media/zip-guard.ts';
import { buildZip, nestedDocx } from '../support/hostile-files.ts';
import { BAC_GIANG_HEADER, bacGiangPlan } from './decree30/plans.ts';

describe('ZIP guard', () => {
  it('lets real DOCX and XLSX files (plan exports) through', async () => {
    const plan = bacGiangPlan();
    const docx = await writePlanDocx(plan, BAC_GIANG_HEADER);
    const xlsx = await writePlanTasksXlsx(plan);
    expect(() => assertZipWithinLimits(docx)).not.toThrow();
    expect(() => assertZipWithinLimits(xlsx)).not.toThrow();
  });

  it('refuses more inflated content than the budget, and archives nested twice', () => {
    const zip = buildZip([{ name: 'a.txt', data: Buffer.alloc(5000, 0x41) }]);
    expect(() => assertZipWithinLimits(zip, 4999)).toThrow(/nội dung giải nén quá lớn/);
    expect(() => assertZipWithinLimits(buildZip([{ name: 'a.txt', data: Buffer.alloc(5000, 0x41), declaredSize: 10 }]), 4999)).toThrow(/nội dung giải nén quá lớn/);
    expect(() => assertZipWithinLimits(zip, 5000)).not.toThrow();
    expect(() => assertZipWithinLimits(nestedDocx())).toThrow(/lồng nhiều lớp/);
  });

  it('on any bytes, and on any corruption of a ZIP, either passes or refuses with a 413, never crashes', () => {
    const zip = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(3000, 0x20) }, { name: 'b.zip', data: buildZip([{ name: 'c', data: Buffer.from('x') }]) }]);
    const corrupted = fc.array(fc.tuple(fc.nat(zip.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }).map((edits) => {
      const copy = Buffer.from(zip);
      for (const [at, value] of edits) copy[at] = value;
      return copy;
    });
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), corrupted), (bytes) => {
      try {
        assertZipWithinLimits(bytes, 1_000_000);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).status).toBe(413);
      }
    }), { numRuns: 300, seed: 9 });
  });
});
