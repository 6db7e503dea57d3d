/** Entry, correction, removal and XLSX import of index values; the public read side. */
import { newId, nowIso } from '../../db/sql-helpers.ts';
import type { IndexValueTable } from '../../db/types.ts';
import { readXlsx } from '../../documents/import/xlsx-reader.ts';
import { writeTableXlsx } from '../../documents/xlsx/table-xlsx.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import type { SystemActor } from '../../platform/audit/service.ts';
import { BadRequestError, ConflictError, DomainError } from '../../platform/errors.ts';
import { formatHundredths, parseHundredths } from '../../platform/vi-number.ts';
import { normalizeText, todayVi } from '../../platform/vi-text.ts';
import { componentName, indexDefinition, INDICES, TOTAL } from './catalog.ts';
import type { IndicesDeps } from './deps.ts';
import { IMPORT_COLUMNS, parseIndexImport } from './parse.ts';
import { indicesPolicy } from './policy.ts';
import * as repo from './repo.ts';
import { indexValueProblems, type IndexValueDraft } from './rules.ts';
import type { ImportInputBody, ImportReportView, IndexValueInputBody, IndexValueView } from './schema.ts';

/** 2 MB of spreadsheet holds every index of every year many times over. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export const currentYear = () => Number(todayVi().slice(0, 4));

export function valueView(r: IndexValueTable): IndexValueView {
  const def = indexDefinition(r.index_code)!;
  return {
    id: r.id, indexCode: r.index_code, indexName: def.name, component: r.component, componentName: componentName(def, r.component) ?? r.component, year: r.year,
    value: r.value_x100 / 100, valueText: formatHundredths(r.value_x100), rank: r.rank, rankOf: r.rank_of, source: r.source, sourceUrl: r.source_url, origin: r.origin, updatedAt: r.updated_at,
  };
}

function draftOf(input: IndexValueInputBody): IndexValueDraft {
  const valueX100 = parseHundredths(String(input.value));
  return {
    indexCode: input.indexCode, component: input.component || TOTAL, year: input.year, valueX100: valueX100 ?? Number.NaN,
    rank: input.rank ?? null, rankOf: input.rankOf ?? null, source: normalizeText(input.source), sourceUrl: input.sourceUrl ? input.sourceUrl.trim() : null,
  };
}

function checked(draft: IndexValueDraft): IndexValueDraft {
  const problems = indexValueProblems(draft, currentYear());
  if (problems.length) throw new BadRequestError(problems.join(' '));
  return draft;
}

const columnsOf = (d: IndexValueDraft) => ({ value_x100: d.valueX100, rank: d.rank, rank_of: d.rankOf, source: d.source, source_url: d.sourceUrl });

export function createIndexValues({ database, audit, onPublicChange }: IndicesDeps) {
  const { db } = database;

  async function refuseDuplicate(agencyId: string, d: IndexValueDraft, exceptId?: string) {
    const found = await repo.findByKey(db, agencyId, d);
    if (found && found.id !== exceptId) {
      const def = indexDefinition(d.indexCode)!;
      throw new ConflictError(`${def.name} năm ${d.year}${d.component === TOTAL ? '' : ` (${componentName(def, d.component)})`} đã có giá trị: sửa dòng đó thay vì thêm mới.`);
    }
  }

  async function insertAll(agencyId: string, drafts: IndexValueDraft[], origin: IndexValueTable['origin'], by: Actor | SystemActor, userId: string | null) {
    const now = nowIso();
    const rows = drafts.map((d): IndexValueTable => ({ id: newId(), agency_id: agencyId, index_code: d.indexCode as IndexValueTable['index_code'], component: d.component, year: d.year, ...columnsOf(d), origin, created_by: userId, created_at: now, updated_at: now }));
    await database.transaction(async (trx) => {
      for (const r of rows) await repo.insertValue(trx, r);
      await audit.record(trx, by, { action: origin === 'manual' ? 'create' : 'import', entity: 'index_value', entityId: rows.length === 1 ? rows[0]!.id : `${origin}:${agencyId}`, after: rows.length === 1 ? rows[0] : { rows: rows.length } });
    });
    onPublicChange(agencyId);
    return rows;
  }

  return {
    async list(actor: Actor | undefined) {
      const a = authorize(actor, indicesPolicy, 'indices.read');
      return (await repo.listValues(db, a.agencyId)).map(valueView);
    },

    catalog(actor: Actor | undefined) {
      authorize(actor, indicesPolicy, 'indices.read');
      return INDICES.map((d) => ({ code: d.code, name: d.name, fullName: d.fullName, publisher: d.publisher, subject: d.subject, unit: d.unit, components: d.components }));
    },

    async create(actor: Actor | undefined, input: IndexValueInputBody) {
      const a = authorize(actor, indicesPolicy, 'indices.write');
      const d = checked(draftOf(input));
      await refuseDuplicate(a.agencyId, d);
      const [row] = await insertAll(a.agencyId, [d], 'manual', a, a.userId);
      return valueView(row!);
    },

    async update(actor: Actor | undefined, id: string, input: IndexValueInputBody) {
      const before = await repo.findValue(db, id);
      const a = authorize(actor, indicesPolicy, 'indices.write', before);
      const d = checked(draftOf(input));
      await refuseDuplicate(a.agencyId, d, id);
      const patch = { index_code: d.indexCode as IndexValueTable['index_code'], component: d.component, year: d.year, ...columnsOf(d), updated_at: nowIso() };
      await database.transaction(async (trx) => {
        await repo.updateValue(trx, a.agencyId, id, patch);
        await audit.record(trx, a, { action: 'update', entity: 'index_value', entityId: id, before, after: patch });
      });
      onPublicChange(a.agencyId);
      return valueView({ ...before!, ...patch });
    },

    async remove(actor: Actor | undefined, id: string) {
      const before = await repo.findValue(db, id);
      const a = authorize(actor, indicesPolicy, 'indices.write', before);
      await database.transaction(async (trx) => {
        await repo.deleteValue(trx, a.agencyId, id);
        await audit.record(trx, a, { action: 'delete', entity: 'index_value', entityId: id, before });
      });
      onPublicChange(a.agencyId);
    },

    /** Checks every row first; writes all of them in one transaction, or nothing when any row is bad or already entered. */
    async importXlsx(actor: Actor | undefined, input: ImportInputBody): Promise<ImportReportView> {
      const a = authorize(actor, indicesPolicy, 'indices.write');
      const bytes = Buffer.from(input.base64, 'base64');
      if (bytes.length === 0) throw new BadRequestError('Tệp rỗng.');
      if (bytes.length > MAX_IMPORT_BYTES) throw new BadRequestError('Tệp quá lớn (tối đa 2 MB).');
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new BadRequestError('Chỉ nhập được tệp Excel .xlsx (tải tệp mẫu để điền).');
      let grids: string[][][];
      try {
        grids = await readXlsx(bytes);
      } catch (error) {
        if (error instanceof DomainError) throw error; // a ZIP bomb, with its own message
        throw new BadRequestError(`Không đọc được tệp "${input.name}" như một bảng tính XLSX.`);
      }
      const parsed = parseIndexImport(grids, currentYear());
      const existing = new Set((await repo.listValues(db, a.agencyId)).map((r) => `${r.index_code}|${r.component}|${r.year}`));
      const errors = [...parsed.errors];
      for (const r of parsed.rows) {
        if (existing.has(`${r.indexCode}|${r.component}|${r.year}`)) errors.push({ row: r.row, message: `Dòng ${r.row}: ${indexDefinition(r.indexCode)!.name} năm ${r.year} (${componentName(indexDefinition(r.indexCode)!, r.component)}) đã có giá trị; sửa trong bảng hoặc xoá trước khi nhập.` });
      }
      errors.sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
      const write = errors.length === 0 && parsed.rows.length > 0;
      if (write) await insertAll(a.agencyId, parsed.rows, 'import', a, a.userId);
      return { written: write, dataRows: parsed.dataRows, created: write ? parsed.rows.length : 0, errors };
    },

    /** The import template: the header row the importer looks for. */
    async template(actor: Actor | undefined) {
      authorize(actor, indicesPolicy, 'indices.read');
      return writeTableXlsx({
        sheet: 'Chỉ số',
        columns: IMPORT_COLUMNS.map((c) => ({ header: c.title, width: c.key === 'source' ? 60 : c.key === 'sourceUrl' ? 36 : 14 })),
        rows: [],
      });
    },

    /** Public read: every value of the agency (no actor; index values are public once entered). */
    async publicValues(agencyId: string) {
      return (await repo.listValues(db, agencyId)).map(valueView);
    },

    /** System seed: writes the drafts when the agency has no index value yet (a first start). Returns the rows written. */
    async seedIfEmpty(agencyId: string, drafts: IndexValueDraft[], by: SystemActor) {
      if ((await repo.countValues(db, agencyId)) > 0) return 0;
      for (const d of drafts) checked(d);
      return (await insertAll(agencyId, drafts, 'seed', by, null)).length;
    },
  };
}
