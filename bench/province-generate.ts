/**
 * Province-scale data for bench/province.ts: agencies, each with units, one plan in force for
 * 2024 (10 groups, 100 tasks) and 20 pieces of evidence per task per month, each linked to its
 * task. Rows are written straight with SQL in big batches, not through the services (far too
 * slow for a million rows); the shapes follow src/db/types.ts and what the services write.
 *
 * Evidence is written month by month and, within a month, day by day across all agencies, so
 * one agency's rows are spread over the tables as they would be after a year of use.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../src/db/database.ts';
import type { DB } from '../src/db/types.ts';
import { rng } from './measure.ts';

export const TASKS_PER_AGENCY = 100;
export const GROUPS_PER_AGENCY = 10;
export const EVIDENCE_PER_TASK_MONTH = 20;
export const YEAR = 2024;

type Value = string | number | null;
type TableName = keyof DB;

/** Receives rows of one table, columns in the given order; at most BATCH rows a call. */
export type RowSink = (table: TableName, columns: readonly string[], rows: Value[][]) => Promise<void>;

const BATCH = 5000;

/** Columns stored as integers; every other column written here is text. */
const INTEGER_COLUMNS = new Set(['is_demo', 'year', 'revision', 'position', 'is_coordinator', 'active', 'sort_order']);

const UNIT_NAMES = [
  ['Văn phòng', 'VP', 'office'],
  ['Phòng Kế hoạch - Tài chính', 'KHTC', 'professional'],
  ['Phòng Cải cách hành chính', 'CCHC', 'professional'],
  ['Phòng Tổ chức cán bộ', 'TCCB', 'professional'],
  ['Phòng Nghiệp vụ', 'NV', 'professional'],
  ['Thanh tra', 'TTr', 'professional'],
] as const;

/** Kind of evidence a task collects, and the quantities one piece carries. */
const TASK_KINDS = [
  { kind: 'article', measure: 'articles', dueText: 'Cả năm 2024' },
  { kind: 'social_post', measure: 'posts', dueText: 'Thường xuyên' },
  { kind: 'event', measure: 'conferences', dueText: 'Quý II/2024' },
  { kind: 'document', measure: 'documents', dueText: 'Cả năm 2024' },
  { kind: 'article', measure: 'articles', dueText: '30/9/2024' },
] as const;

const DUES: Record<string, { due: object; end: string }> = {
  'Cả năm 2024': { due: { kind: 'year', year: YEAR, end: `${YEAR}-12-31` }, end: `${YEAR}-12-31` },
  'Thường xuyên': { due: { kind: 'recurring', every: 'continuous', year: YEAR, end: `${YEAR}-12-31` }, end: `${YEAR}-12-31` },
  'Quý II/2024': { due: { kind: 'quarter', year: YEAR, quarter: 2, end: `${YEAR}-06-30` }, end: `${YEAR}-06-30` },
  '30/9/2024': { due: { kind: 'date', date: `${YEAR}-09-30`, end: `${YEAR}-09-30` }, end: `${YEAR}-09-30` },
};

interface GeneratedTask {
  id: string;
  unitId: string;
  kind: (typeof TASK_KINDS)[number]['kind'];
  measure: string;
}

export interface GeneratedAgency {
  agencyId: string;
  planId: string;
  code: string;
  tasks: GeneratedTask[];
}

export interface GenerationResult {
  agencies: GeneratedAgency[];
  evidence: number;
  links: number;
}

/** Tables in dependency order: parents before the rows that reference them. */
const FLUSH_ORDER: TableName[] = ['agencies', 'agency_names', 'units', 'plans', 'plan_tasks', 'evidence', 'evidence_tasks'];

/** Buffers rows per table and hands them to the sink BATCH at a time. */
class Batcher {
  private pending = new Map<TableName, { columns: readonly string[]; rows: Value[][] }>();
  constructor(private readonly sink: RowSink) {}

  async add(table: TableName, columns: readonly string[], row: Value[]) {
    let p = this.pending.get(table);
    if (!p) this.pending.set(table, (p = { columns, rows: [] }));
    p.rows.push(row);
    if (p.rows.length >= BATCH) {
      // Parents first: the rows of this batch may reference rows still pending in them.
      for (const parent of FLUSH_ORDER.slice(0, FLUSH_ORDER.indexOf(table))) await this.flushTable(parent);
      await this.flushTable(table);
    }
  }

  async flushTable(table: TableName) {
    const p = this.pending.get(table);
    if (!p || p.rows.length === 0) return;
    const rows = p.rows;
    p.rows = [];
    await this.sink(table, p.columns, rows);
  }

  /** Flushes in dependency order: parents before the rows that reference them. */
  async flush() {
    for (const t of FLUSH_ORDER) await this.flushTable(t);
  }
}

const AGENCY_COLS = ['id', 'code', 'hostname', 'address', 'phone', 'email', 'website', 'is_demo', 'created_at', 'updated_at'] as const;
const NAME_COLS = ['id', 'agency_id', 'valid_from', 'valid_to', 'name', 'short_name', 'abbreviation', 'parent_name', 'place', 'source', 'created_at'] as const;
const UNIT_COLS = ['id', 'agency_id', 'name', 'short_name', 'abbreviation', 'kind', 'is_coordinator', 'active', 'sort_order', 'is_demo', 'created_at', 'updated_at'] as const;
const PLAN_COLS = [
  'id', 'agency_id', 'year', 'doc_type', 'number_text', 'number_suffix', 'place', 'sign_date', 'title', 'theme', 'status', 'basis', 'sections', 'budget_text', 'budget_lines',
  'recipients', 'signer', 'channels', 'indices', 'appendix_title', 'appendix_columns', 'issuer', 'province', 'original_file_id', 'revision', 'created_by', 'created_at', 'updated_at',
] as const;
const TASK_COLS = [
  'id', 'agency_id', 'plan_id', 'kind', 'position', 'group_code', 'code', 'content', 'lead_text', 'lead_unit_id', 'lead_group_id', 'coop', 'product', 'product_kinds', 'targets',
  'due_text', 'due', 'due_end', 'flags', 'created_at', 'updated_at',
] as const;
const EVIDENCE_COLS = [
  'id', 'agency_id', 'plan_id', 'kind', 'date', 'unit_id', 'title', 'description', 'link', 'quantities', 'source_type', 'source_id', 'status', 'withdrawn_at', 'withdrawn_reason',
  'is_demo', 'created_by', 'created_at', 'updated_at',
] as const;
const LINK_COLS = ['agency_id', 'evidence_id', 'task_id'] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (month: number) => new Date(Date.UTC(YEAR, month, 0)).getUTCDate();

/** Agencies, names, units, plans and tasks: small, written first. */
async function writeStructure(batcher: Batcher, agencyCount: number): Promise<GeneratedAgency[]> {
  const created = `${YEAR}-01-02T01:00:00.000Z`;
  const agencies: GeneratedAgency[] = [];
  for (let a = 0; a < agencyCount; a++) {
    const agencyId = randomUUID();
    const code = `so-${pad(a + 1)}`;
    const abbr = `S${pad(a + 1)}`;
    await batcher.add('agencies', AGENCY_COLS, [agencyId, code, null, `Số ${a + 1} đường Hoàng Văn Thụ`, null, `${code}@example.vn`, null, 0, created, created]);
    await batcher.add('agency_names', NAME_COLS, [randomUUID(), agencyId, null, null, `Sở chuyên ngành số ${a + 1} tỉnh Bắc Giang`, `Sở số ${a + 1}`, abbr, 'UBND tỉnh Bắc Giang', 'Bắc Giang', null, created]);
    const unitIds: string[] = [];
    for (const [i, [name, short, kind]] of UNIT_NAMES.entries()) {
      const id = randomUUID();
      unitIds.push(id);
      await batcher.add('units', UNIT_COLS, [id, agencyId, name, short, short, kind, i === 0 ? 1 : 0, 1, i, 0, created, created]);
    }
    const planId = randomUUID();
    const signer = JSON.stringify({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Mẫu' });
    await batcher.add('plans', PLAN_COLS, [
      planId, agencyId, YEAR, 'KH', `05/KH-${abbr}`, `KH-${abbr}`, 'Bắc Giang', `${YEAR}-01-15`, `Tuyên truyền cải cách hành chính năm ${YEAR}`, null, 'in_force', '[]', '[]', null, '[]',
      JSON.stringify(['Sở Nội vụ', 'Lãnh đạo Sở', 'Lưu: VT, VP']), signer, '[]', '[]', `NỘI DUNG, NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM ${YEAR}`, '[]', `Sở số ${a + 1}`, 'Bắc Giang', null, 1, null, created, created,
    ]);
    const tasks: GeneratedTask[] = [];
    const perGroup = TASKS_PER_AGENCY / GROUPS_PER_AGENCY;
    let position = 0;
    for (let g = 0; g < GROUPS_PER_AGENCY; g++) {
      const groupCode = String(g + 1);
      await batcher.add('plan_tasks', TASK_COLS, [randomUUID(), agencyId, planId, 'group', position++, null, groupCode, `Nhóm nhiệm vụ tuyên truyền số ${g + 1}`, '', null, null, '[]', '', '[]', '[]', '', null, null, '[]', created, created]);
      for (let k = 0; k < perGroup; k++) {
        const t = g * perGroup + k;
        const shape = TASK_KINDS[t % TASK_KINDS.length]!;
        const unitIndex = 1 + (t % (UNIT_NAMES.length - 1));
        const unitId = unitIds[unitIndex]!;
        const coopIndex = 1 + ((t + 1) % (UNIT_NAMES.length - 1));
        const coop = t % 4 === 0 ? JSON.stringify([{ text: UNIT_NAMES[coopIndex]![0], unitId: unitIds[coopIndex], groupId: null }]) : '[]';
        // A third of the tasks has a target: some are reached during the year, some are not.
        const targets = t % 3 === 0 ? JSON.stringify([{ measure: shape.measure, quantity: 60 + ((t * 37) % 300) }]) : '[]';
        const due = DUES[shape.dueText]!;
        const id = randomUUID();
        tasks.push({ id, unitId, kind: shape.kind, measure: shape.measure });
        await batcher.add('plan_tasks', TASK_COLS, [
          id, agencyId, planId, 'task', position++, groupCode, `${g + 1}.${k + 1}`, `Tuyên truyền nội dung cải cách hành chính số ${t + 1} trên Cổng Thông tin điện tử và mạng xã hội của cơ quan`,
          UNIT_NAMES[unitIndex]![0], unitId, null, coop, 'Tin, bài viết', '[]', targets, shape.dueText, JSON.stringify(due.due), due.end, '[]', created, created,
        ]);
      }
    }
    agencies.push({ agencyId, planId, code, tasks });
  }
  await batcher.flush();
  return agencies;
}

/**
 * Writes everything; `onProgress` hears the evidence count after each month. Per agency:
 * 100 tasks × 12 months × 20 = 24 000 evidence rows and as many task links.
 */
export async function generateProvince(sink: RowSink, agencyCount: number, onProgress?: (month: number, evidence: number) => void): Promise<GenerationResult> {
  const batcher = new Batcher(sink);
  const agencies = await writeStructure(batcher, agencyCount);
  const random = rng(2024);
  let evidence = 0;
  for (let month = 1; month <= 12; month++) {
    const days = daysIn(month);
    // Bucket the month's evidence by day, then write day by day across agencies.
    const byDay: Value[][][] = Array.from({ length: days }, () => []);
    const linksByDay: Value[][][] = Array.from({ length: days }, () => []);
    for (const agency of agencies) {
      for (const task of agency.tasks) {
        for (let n = 0; n < EVIDENCE_PER_TASK_MONTH; n++) {
          const day = 1 + Math.floor(random() * days);
          const date = `${YEAR}-${pad(month)}-${pad(day)}`;
          const at = `${date}T${pad(1 + Math.floor(random() * 10))}:${pad(Math.floor(random() * 60))}:${pad(Math.floor(random() * 60))}.000Z`;
          const quantities = task.kind === 'event' ? { [task.measure]: 1, participants: 20 + Math.floor(random() * 80) } : { [task.measure]: 1 };
          const withdrawn = random() < 0.02;
          const id = randomUUID();
          byDay[day - 1]!.push([
            id, agency.agencyId, agency.planId, task.kind, date, task.unitId, `Tin bài tuyên truyền cải cách hành chính ngày ${day}/${month}/${YEAR} (${agency.code})`,
            null, task.kind === 'article' ? `https://${agency.code}.bacgiang.gov.vn/tin-tuc/${id.slice(0, 8)}` : null, JSON.stringify(quantities), null, null,
            withdrawn ? 'withdrawn' : 'active', withdrawn ? at : null, withdrawn ? 'Trùng lặp' : null, 0, null, at, at,
          ]);
          linksByDay[day - 1]!.push([agency.agencyId, id, task.id]);
        }
      }
    }
    for (let d = 0; d < days; d++) {
      for (const row of byDay[d]!) await batcher.add('evidence', EVIDENCE_COLS, row);
      for (const row of linksByDay[d]!) await batcher.add('evidence_tasks', LINK_COLS, row);
      evidence += byDay[d]!.length;
    }
    await batcher.flush();
    onProgress?.(month, evidence);
  }
  return { agencies, evidence, links: evidence };
}

/** A sink writing through better-sqlite3: one prepared INSERT per table, one transaction per batch. */
export function sqliteSink(database: Database): RowSink {
  const sqlite = database.sqlite;
  if (!sqlite) throw new Error('not a SQLite database');
  const statements = new Map<string, ReturnType<typeof sqlite.prepare>>();
  return async (table, columns, rows) => {
    let stmt = statements.get(table);
    if (!stmt) statements.set(table, (stmt = sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`)));
    const s = stmt;
    sqlite.transaction(() => {
      for (const row of rows) s.run(row);
    })();
  };
}

/**
 * A sink writing through pg: one `insert … select from unnest($1::text[], …)` per batch, one
 * array parameter per column, so a 5 000-row batch is a single round trip with 19 parameters.
 */
export function pgSink(query: (text: string, values: unknown[]) => Promise<unknown>): RowSink {
  return async (table, columns, rows) => {
    const arrays = columns.map((_, i) => rows.map((r) => r[i]));
    const types = columns.map((c, i) => `$${i + 1}::${INTEGER_COLUMNS.has(c) ? 'int' : 'text'}[]`);
    await query(`insert into ${table} (${columns.join(', ')}) select * from unnest(${types.join(', ')})`, arrays);
  };
}
