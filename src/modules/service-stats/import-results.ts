/** Importing the one-stop software's XLSX/CSV export: checked first, written all at once. */
import { newId } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { COLUMN_LABELS } from './columns.ts';
import type { ServiceStatsDeps } from './deps.ts';
import { currentMonth, writeRow } from './entry.ts';
import { readGrids } from '../../documents/file-grid.ts';
import { parseResults } from './parse.ts';
import { serviceStatsPolicy } from './policy.ts';
import { isBalanced } from './rates.ts';
import * as repo from './repo.ts';
import type { ImportInputBody, ImportReportView } from './schema.ts';

/** 10 MB of spreadsheet is far more than a year of a province's monthly results. */
const MAX_BYTES = 10 * 1024 * 1024;

export function createResultImport({ database, audit, onPublicChange, procedures }: ServiceStatsDeps) {
  const { db } = database;

  /**
   * Reads the file, checks every row and reports by row and column. Nothing is written while
   * the file has errors, unless `skipBadRows` (then the good rows only); what is written is
   * written in one transaction. Unbalanced figures are written, flagged and warned about.
   */
  return async function importResults(actor: Actor | undefined, input: ImportInputBody): Promise<ImportReportView> {
    const a = authorize(actor, serviceStatsPolicy, 'procedures.results');
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length > MAX_BYTES) throw new BadRequestError('Tệp quá lớn (tối đa 10 MB).');
    const latestMonth = currentMonth();
    if (input.month && input.month > latestMonth) throw new BadRequestError('Tháng của số liệu chưa tới.');
    const grids = await readGrids(input.name, bytes);
    const [catalog, fields, existing] = await Promise.all([procedures.latestNamesByCode(a.agencyId), procedures.listFields(a.agencyId), repo.listResults(db, { agencyId: a.agencyId })]);
    const parsed = parseResults(grids.grids, {
      format: grids.format, defaultMonth: input.month, latestMonth, catalog, fields,
      existing: existing.map((r) => ({ month: r.month, procedureCode: r.procedure_code, fieldId: r.field_id })),
    });

    const errors = [...parsed.fileErrors, ...parsed.rowErrors];
    const skipBadRows = input.skipBadRows === true;
    const clean = errors.length === 0;
    const write = parsed.fileErrors.length === 0 && parsed.good.length > 0 && (clean || skipBadRows);
    let created = 0;
    let updated = 0;
    if (write) {
      await database.transaction(async (trx) => {
        for (const g of parsed.good) {
          const key = g.procedureCode ? { procedureCode: g.procedureCode, fieldId: g.fieldId } : { procedureCode: null, fieldId: g.fieldId! };
          const written = await writeRow(trx, a.agencyId, g.month, key, g.figures, { source: 'import', userId: a.userId });
          if (written.before) updated += 1;
          else created += 1;
        }
        await audit.record(trx, a, { action: 'import', entity: 'processing_result', entityId: newId(), after: { file: input.name, created, updated, skippedBadRows: skipBadRows ? new Set(parsed.rowErrors.map((e) => e.row)).size : 0, months: [...new Set(parsed.good.map((g) => g.month))] } });
      });
      onPublicChange(a.agencyId);
    }

    return {
      fileName: input.name,
      format: grids.format,
      sheet: parsed.sheet,
      headerRow: parsed.headerRow,
      columns: parsed.columns.map((c) => ({ ...c, label: c.key ? COLUMN_LABELS[c.key] : null })),
      written: write,
      clean,
      skipBadRows,
      dataRows: parsed.dataRows,
      goodRows: parsed.good.length,
      badRows: new Set(parsed.rowErrors.map((e) => e.row)).size,
      skippedRows: parsed.skipped,
      created,
      updated,
      unbalanced: write ? parsed.good.filter((g) => !isBalanced(g.figures)).length : 0,
      months: [...new Set(parsed.good.map((g) => g.month))].sort(),
      errors,
      warnings: parsed.warnings,
    };
  };
}
