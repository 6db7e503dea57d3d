/**
 * Rows of a catalog file → procedures: a table row (XLSX/CSV, by column) or a JSON object becomes
 * a `ProcedureDataValue` in normal form (NFC, trimmed, single-line fields single-spaced), then is
 * checked against the `ProcedureData` schema; every problem is a Vietnamese message on the row.
 * Nothing here throws on bad input.
 */
import { Value } from 'typebox/value';
import { foldVi } from '../../platform/vi-text.ts';
import {
  ProcedureData, type ChannelKind, type ProcedureDataValue,
} from '../../modules/procedures/procedure-data.ts';
import {
  codeWarning, multiLine, parseDays, parseDossierLine, parseOnlineLevel, singleLine, splitList, listItem,
} from './catalog-cells.ts';
import { CHANNEL_KINDS, columnByKey, type CatalogColumnKey, type ChannelField } from './catalog-format.ts';

export interface CatalogProblem {
  /** The column's header (as in the template) the problem is about, when it is about one. */
  column?: string;
  message: string;
  /** An error keeps the row out of the import; a warning does not. */
  severity: 'error' | 'warning';
}

export interface CatalogRow {
  /** 1-based row (XLSX), line (CSV) or position in the array (JSON). */
  row: number;
  /** The procedure, present exactly when the row has no error (warnings allowed). */
  data?: ProcedureDataValue;
  problems: CatalogProblem[];
}

/** A cell as read: its text, and its number when a spreadsheet stored one. */
export interface CatalogCell {
  text: string;
  number?: number;
}

interface Draft {
  row: number;
  value: ProcedureDataValue;
  problems: CatalogProblem[];
  /** Not a procedure at all (a JSON element that is no object): its one problem says so. */
  shapeless?: boolean;
}

const header = (key: CatalogColumnKey) => columnByKey.get(key)!.header;
const error = (key: CatalogColumnKey, message: string): CatalogProblem => ({ column: header(key), message, severity: 'error' });
const warning = (key: CatalogColumnKey, message: string): CatalogProblem => ({ column: header(key), message, severity: 'warning' });

const TEXT_KEYS = ['code', 'name', 'field', 'level'] as const;
const MULTILINE_KEYS = ['implementingAgency', 'applicants', 'result', 'conditions'] as const;
const LIST_KEYS = ['steps', 'forms', 'legalBasis'] as const;
const CHANNEL_FIELD_KEYS: readonly ChannelField[] = ['processingTime', 'fee', 'description'];

function emptyValue(): ProcedureDataValue {
  return {
    code: '', name: '', field: '', level: '', implementingAgency: '', steps: [], channels: [], processingDays: null,
    onlineLevel: null, dossier: [], applicants: '', result: '', forms: [], conditions: '', legalBasis: [],
  };
}

/** Dossier lines of a cell (or of a JSON array of strings) → items, with their problems. */
function readDossierLines(lines: readonly string[], problems: CatalogProblem[]): ProcedureDataValue['dossier'] {
  const items: ProcedureDataValue['dossier'] = [];
  for (const line of lines) {
    if (listItem(line) === '') continue;
    const parsed = parseDossierLine(line);
    if ('error' in parsed) problems.push(error('dossier', parsed.error));
    else {
      items.push(parsed.item);
      if (parsed.warning) problems.push(warning('dossier', parsed.warning));
    }
  }
  return items;
}

function readDaysCell(cell: CatalogCell | undefined, problems: CatalogProblem[]): number | null {
  if (cell?.number !== undefined) return cell.number;
  const parsed = parseDays(cell?.text ?? '');
  if ('error' in parsed) {
    problems.push(error('processingDays', parsed.error));
    return null;
  }
  return parsed.value;
}

function readOnlineLevel(text: string, problems: CatalogProblem[]): ProcedureDataValue['onlineLevel'] {
  const parsed = parseOnlineLevel(text);
  if ('error' in parsed) {
    problems.push(error('onlineLevel', parsed.error));
    return null;
  }
  return parsed.value;
}

/** One table row, by column; a column the file does not have is empty. */
export function draftFromCells(row: number, cell: (key: CatalogColumnKey) => CatalogCell | undefined): Draft {
  const text = (key: CatalogColumnKey) => cell(key)?.text ?? '';
  const problems: CatalogProblem[] = [];
  const value = emptyValue();
  for (const key of TEXT_KEYS) value[key] = singleLine(text(key));
  for (const key of MULTILINE_KEYS) value[key] = multiLine(text(key));
  for (const key of LIST_KEYS) value[key] = splitList(text(key));
  for (const channel of CHANNEL_KINDS) {
    const [processingTime, fee, description] = CHANNEL_FIELD_KEYS.map((f) => multiLine(text(`${channel}.${f}`)));
    if (processingTime || fee || description) value.channels.push({ channel, processingTime: processingTime!, fee: fee!, description: description! });
  }
  value.processingDays = readDaysCell(cell('processingDays'), problems);
  value.onlineLevel = readOnlineLevel(text('onlineLevel'), problems);
  value.dossier = readDossierLines(text('dossier').split(/\r\n|\r|\n/), problems);
  return { row, value, problems };
}

// ---------------------------------------------------------------------------------------------
// JSON objects

/** Where channel problems of a JSON item are reported (they span the three channel columns). */
const CHANNELS_COLUMN = 'Hình thức nộp';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const CHANNEL_NAMES: Record<string, ChannelKind> = {
  in_person: 'in_person', online: 'online', postal: 'postal', 'truc tiep': 'in_person', 'truc tuyen': 'online',
  'buu chinh': 'postal', 'dich vu buu chinh cong ich': 'postal',
};

/** A JSON string field: numbers become text (a code written as a number is kept with a warning). */
function jsonText(v: unknown, key: CatalogColumnKey, problems: CatalogProblem[]): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (key === 'code') problems.push(warning('code', `Mã thủ tục ghi dạng số (${v}); đã đổi thành văn bản "${String(v)}"`));
    return String(v);
  }
  problems.push(error(key, 'Phải là văn bản'));
  return '';
}

/** A JSON list field: an array of strings, or one string with an item per line. */
function jsonLines(v: unknown, key: CatalogColumnKey, problems: CatalogProblem[]): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v.split(/\r\n|\r|\n/);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  problems.push(error(key, 'Phải là danh sách văn bản'));
  return [];
}

function jsonDossier(v: unknown, problems: CatalogProblem[]): ProcedureDataValue['dossier'] {
  const entries: unknown[] | null = v === undefined || v === null ? [] : typeof v === 'string' ? v.split(/\r\n|\r|\n/) : Array.isArray(v) ? v : null;
  if (entries === null) {
    problems.push(error('dossier', 'Phải là danh sách giấy tờ'));
    return [];
  }
  const items: ProcedureDataValue['dossier'] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') items.push(...readDossierLines([entry], problems));
    else if (isObject(entry)) {
      const count = (n: unknown) => (typeof n === 'string' && /^\s*\d+\s*$/.test(n) ? Number(n) : n ?? 0) as number;
      items.push({ name: listItem(jsonText(entry.name, 'dossier', problems)), originals: count(entry.originals), copies: count(entry.copies) });
    } else problems.push(error('dossier', 'Mỗi giấy tờ phải là văn bản hoặc { name, originals, copies }'));
  }
  return items;
}

function jsonChannels(v: unknown, problems: CatalogProblem[]): ProcedureDataValue['channels'] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push({ column: CHANNELS_COLUMN, message: 'Phải là danh sách kênh', severity: 'error' });
    return [];
  }
  const channels: ProcedureDataValue['channels'] = [];
  for (const entry of v) {
    const kind = isObject(entry) && typeof entry.channel === 'string' ? CHANNEL_NAMES[foldVi(singleLine(entry.channel))] : undefined;
    if (!isObject(entry) || !kind) {
      problems.push({ column: CHANNELS_COLUMN, message: 'Mỗi kênh phải có "channel" là in_person, online hoặc postal', severity: 'error' });
      continue;
    }
    if (channels.some((c) => c.channel === kind)) {
      problems.push({ column: CHANNELS_COLUMN, message: `Kênh ${kind} ghi hai lần`, severity: 'error' });
      continue;
    }
    const [processingTime, fee, description] = CHANNEL_FIELD_KEYS.map((f) => multiLine(jsonText(entry[f], `${kind}.${f}`, problems)));
    channels.push({ channel: kind, processingTime: processingTime!, fee: fee!, description: description! });
  }
  return channels;
}

/** One element of a JSON catalog; missing optional fields are empty. */
export function draftFromJson(row: number, item: unknown): Draft {
  const problems: CatalogProblem[] = [];
  const value = emptyValue();
  if (!isObject(item)) {
    problems.push({ message: 'Mỗi thủ tục phải là một đối tượng JSON', severity: 'error' });
    return { row, value, problems, shapeless: true };
  }
  for (const key of TEXT_KEYS) value[key] = singleLine(jsonText(item[key], key, problems));
  for (const key of MULTILINE_KEYS) value[key] = multiLine(jsonText(item[key], key, problems));
  for (const key of LIST_KEYS) value[key] = jsonLines(item[key], key, problems).map(listItem).filter((s) => s !== '');
  value.channels = jsonChannels(item.channels, problems);
  const days = item.processingDays;
  value.processingDays = typeof days === 'number' ? days : readDaysCell({ text: jsonText(days, 'processingDays', problems) }, problems);
  const level = item.onlineLevel;
  value.onlineLevel = level === 'full' || level === 'partial' ? level : readOnlineLevel(jsonText(level, 'onlineLevel', problems), problems);
  value.dossier = jsonDossier(item.dossier, problems);
  return { row, value, problems };
}

// ---------------------------------------------------------------------------------------------
// Schema check, duplicates, result

type SchemaError = { keyword: string; instancePath: string; params: Record<string, unknown> };

/** The column a schema error path points at: `/channels/1/fee` → the fee column of that row's channel 1. */
function columnOfPath(path: string[], value: ProcedureDataValue): string {
  const [top, index, field] = path;
  if (top === 'channels') {
    const kind = value.channels[Number(index)]?.channel;
    return kind && field && columnByKey.has(`${kind}.${field}` as CatalogColumnKey) ? header(`${kind}.${field}` as CatalogColumnKey) : CHANNELS_COLUMN;
  }
  return columnByKey.has(top as CatalogColumnKey) ? header(top as CatalogColumnKey) : top ?? '';
}

function schemaMessage(e: SchemaError): string {
  const limit = e.params.limit;
  switch (e.keyword) {
    case 'minLength': return limit === 1 ? 'Không được để trống' : `Phải có ít nhất ${String(limit)} ký tự`;
    case 'maxLength': return `Dài quá ${String(limit)} ký tự`;
    case 'maxItems': return `Nhiều quá ${String(limit)} mục`;
    case 'minimum': return `Không được nhỏ hơn ${String(limit)}`;
    case 'maximum': return `Không được lớn hơn ${String(limit)}`;
    case 'type': return e.params.type === 'integer' ? 'Phải là số nguyên' : 'Sai kiểu dữ liệu';
    default: return 'Giá trị không hợp lệ';
  }
}

/** Schema errors as Vietnamese problems, one per place; in a union the most telling branch speaks. */
function schemaProblems(value: ProcedureDataValue): CatalogProblem[] {
  if (Value.Check(ProcedureData, value)) return [];
  const byPath = new Map<string, SchemaError>();
  for (const e of Value.Errors(ProcedureData, value) as Iterable<SchemaError>) {
    const known = byPath.get(e.instancePath);
    const telling = (k: string) => !['type', 'const', 'anyOf'].includes(k);
    if (!known || (!telling(known.keyword) && telling(e.keyword))) byPath.set(e.instancePath, e);
  }
  return [...byPath.entries()].map(([path, e]) => {
    const parts = path.split('/').slice(1);
    const item = parts.length > 1 && /^\d+$/.test(parts[1]!) ? `Mục ${Number(parts[1]) + 1}: ` : '';
    return { column: columnOfPath(parts, value), message: item + schemaMessage(e), severity: 'error' as const };
  });
}

/** Validates each draft, flags duplicate codes on every row that has one, and keeps data only on rows without errors. */
export function finishRows(drafts: readonly Draft[]): CatalogRow[] {
  const rowsByCode = new Map<string, number[]>();
  for (const d of drafts) {
    if (d.value.code !== '') rowsByCode.set(d.value.code, [...(rowsByCode.get(d.value.code) ?? []), d.row]);
  }
  return drafts.map((d) => {
    if (d.shapeless) return { row: d.row, problems: d.problems };
    const problems = [...d.problems, ...schemaProblems(d.value)];
    const mangled = codeWarning(d.value.code);
    if (mangled) problems.push(warning('code', mangled));
    const same = rowsByCode.get(d.value.code) ?? [];
    if (same.length > 1) {
      problems.push(error('code', `Mã thủ tục "${d.value.code}" trùng với ${same.filter((r) => r !== d.row).map((r) => `dòng ${r}`).join(', ')}`));
    }
    const clean = problems.every((p) => p.severity !== 'error');
    return clean ? { row: d.row, data: d.value, problems } : { row: d.row, problems };
  });
}
