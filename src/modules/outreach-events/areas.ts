/** The province's administrative areas: effective-dated rows, listed as of a day and imported from XLSX/CSV. */
import type { AdminAreaTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { readGrids } from '../../documents/file-grid.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { parseAreas } from './area-parse.ts';
import { DEMO_AREAS } from './demo-areas.ts';
import type { EventsDeps } from './deps.ts';
import { eventsPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { AreaImportReportView, AreaView } from './schema.ts';

const MAX_BYTES = 10 * 1024 * 1024;

export function areaView(r: AdminAreaTable): AreaView {
  return {
    id: r.id, code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, effectiveFrom: r.effective_from, effectiveTo: r.effective_to,
    replacedBy: r.replaced_by, source: r.source, isDemo: r.is_demo === 1,
  };
}

/** Whether the area is in force on `day` ([effective_from, effective_to)). */
export function inForceOn(area: Pick<AdminAreaTable, 'effective_from' | 'effective_to'>, day: string): boolean {
  return area.effective_from <= day && (area.effective_to === null || area.effective_to > day);
}

export function createAreas({ database, audit }: EventsDeps) {
  const { db } = database;

  return {
    async list(actor: Actor | undefined, query: { on?: string; level?: string }) {
      const a = authorize(actor, eventsPolicy, 'events.read');
      return (await repo.listAreas(db, a.agencyId, query)).map(areaView);
    },

    /**
     * Checks every row and reports by row; writes nothing while a row is bad. A row with a code
     * and effective-from date already stored updates that row (a correction), otherwise adds one.
     */
    async importFile(actor: Actor | undefined, input: { name: string; base64: string }): Promise<AreaImportReportView> {
      const a = authorize(actor, eventsPolicy, 'events.areas');
      const bytes = Buffer.from(input.base64, 'base64');
      if (bytes.length > MAX_BYTES) throw new BadRequestError('Tệp quá lớn (tối đa 10 MB).');
      const parsed = parseAreas((await readGrids(input.name, bytes)).grids);
      const known = new Set([...parsed.rows.map((r) => r.code), ...(await repo.listAreas(db, a.agencyId)).map((r) => r.code)]);
      const warnings = parsed.rows.flatMap((r) => [
        ...(r.parentCode && !known.has(r.parentCode) ? [`Dòng ${r.row}: mã cấp trên "${r.parentCode}" chưa có trong danh sách.`] : []),
        ...(r.replacedBy && !known.has(r.replacedBy) ? [`Dòng ${r.row}: mã thay thế "${r.replacedBy}" chưa có trong danh sách.`] : []),
      ]);
      const report = { fileName: input.name, dataRows: parsed.dataRows, errors: parsed.errors, warnings, created: 0, updated: 0 };
      if (parsed.errors.length > 0 || parsed.rows.length === 0) {
        const message = parsed.errors.length > 0 ? `Tệp có ${parsed.errors.length} dòng lỗi; chưa nhập dòng nào. Hãy sửa rồi nhập lại.` : 'Tệp không có dòng dữ liệu nào.';
        return { ...report, written: false, message };
      }
      await database.transaction(async (trx) => {
        const now = nowIso();
        for (const r of parsed.rows) {
          const fields = { name: r.name, level: r.level, parent_code: r.parentCode, effective_to: r.effectiveTo, replaced_by: r.replacedBy, source: input.name.slice(0, 300), updated_at: now };
          const existing = await repo.findAreaByKey(trx, a.agencyId, r.code, r.effectiveFrom);
          if (existing) {
            await repo.updateArea(trx, a.agencyId, existing.id, { ...fields, is_demo: 0 });
            report.updated += 1;
          } else {
            await repo.insertArea(trx, { id: newId(), agency_id: a.agencyId, code: r.code, effective_from: r.effectiveFrom, is_demo: 0, created_at: now, ...fields });
            report.created += 1;
          }
        }
        await audit.record(trx, a, { action: 'import', entity: 'admin_areas', entityId: newId(), after: { file: input.name, created: report.created, updated: report.updated } });
      });
      return { ...report, written: true, message: `Đã nhập ${report.created} đơn vị hành chính mới và cập nhật ${report.updated} đơn vị.` };
    },

    /** Demo areas (flagged and named "mẫu") for an agency that has none. Returns the rows written. */
    async seedDemo(agencyId: string) {
      if ((await repo.countAreas(db, agencyId)) > 0) return 0;
      await database.transaction(async (trx) => {
        const now = nowIso();
        for (const r of DEMO_AREAS) {
          await repo.insertArea(trx, {
            id: newId(), agency_id: agencyId, code: r.code, name: r.name, level: r.level, parent_code: r.parentCode, effective_from: r.effectiveFrom,
            effective_to: r.effectiveTo, replaced_by: r.replacedBy, source: 'mẫu', is_demo: 1, created_at: now, updated_at: now,
          });
        }
      });
      return DEMO_AREAS.length;
    },
  };
}
