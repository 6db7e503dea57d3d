import type { ChannelKind, ProcedureData } from '../../procedure-types';

/** The three ways to submit a dossier, in the order the announcement's table lists them. */
export const CHANNEL_KINDS: readonly ChannelKind[] = ['in_person', 'online', 'postal'];

export const CHANNEL_LABELS: Record<ChannelKind, string> = { in_person: 'Trực tiếp', online: 'Trực tuyến', postal: 'Dịch vụ bưu chính công ích' };

/** Hours of a working day: the internal process's hours become days with it (as the server counts). */
export const HOURS_PER_DAY = 8;

export interface ChannelValues {
  /** The procedure can be submitted this way (a row of the channels table). */
  enabled: boolean;
  processingTime: string;
  fee: string;
  description: string;
}

/** ProcedureData as the form holds it: the channels by kind, "none" for no online service. */
export interface ProcedureValues {
  code: string;
  name: string;
  field: string;
  level: string;
  implementingAgency: string;
  steps: (string | undefined)[];
  channels: Record<ChannelKind, ChannelValues>;
  processingDays: number | null;
  onlineLevel: 'full' | 'partial' | 'none';
  dossier: { name?: string; originals?: number | null; copies?: number | null }[];
  applicants: string;
  result: string;
  forms: (string | undefined)[];
  conditions: string;
  legalBasis: (string | undefined)[];
}

export const EMPTY_DATA: ProcedureData = {
  code: '',
  name: '',
  field: '',
  level: '',
  implementingAgency: '',
  steps: [],
  channels: [],
  processingDays: null,
  onlineLevel: null,
  dossier: [],
  applicants: '',
  result: '',
  forms: [],
  conditions: '',
  legalBasis: [],
};

const emptyChannel = (): ChannelValues => ({ enabled: false, processingTime: '', fee: '', description: '' });

export function valuesOf(data: ProcedureData): ProcedureValues {
  const channels = Object.fromEntries(
    CHANNEL_KINDS.map((kind) => {
      const c = data.channels.find((x) => x.channel === kind);
      return [kind, c ? { enabled: true, processingTime: c.processingTime, fee: c.fee, description: c.description } : emptyChannel()];
    }),
  ) as Record<ChannelKind, ChannelValues>;
  return {
    code: data.code,
    name: data.name,
    field: data.field,
    level: data.level,
    implementingAgency: data.implementingAgency,
    steps: [...data.steps],
    channels,
    processingDays: data.processingDays,
    onlineLevel: data.onlineLevel ?? 'none',
    dossier: data.dossier.map((d) => ({ ...d })),
    applicants: data.applicants,
    result: data.result,
    forms: [...data.forms],
    conditions: data.conditions,
    legalBasis: [...data.legalBasis],
  };
}

const text = (s: string | undefined | null) => (s ?? '').trim();
const list = (items: readonly (string | undefined)[] | undefined) => (items ?? []).map(text).filter((s) => s !== '');

/** The form's values as the API takes them: trimmed, empty list rows and unused channels left out. */
export function dataOf(values: Partial<ProcedureValues>): ProcedureData {
  const channels = values.channels;
  return {
    code: text(values.code),
    name: text(values.name),
    field: text(values.field),
    level: text(values.level),
    implementingAgency: text(values.implementingAgency),
    steps: list(values.steps),
    channels: CHANNEL_KINDS.filter((kind) => channels?.[kind]?.enabled).map((kind) => ({
      channel: kind,
      processingTime: text(channels?.[kind]?.processingTime),
      fee: text(channels?.[kind]?.fee),
      description: text(channels?.[kind]?.description),
    })),
    processingDays: values.processingDays ?? null,
    onlineLevel: !values.onlineLevel || values.onlineLevel === 'none' ? null : values.onlineLevel,
    dossier: (values.dossier ?? [])
      .filter((d) => text(d?.name) !== '')
      .map((d) => ({ name: text(d.name), originals: d.originals ?? 0, copies: d.copies ?? 0 })),
    applicants: text(values.applicants),
    result: text(values.result),
    forms: list(values.forms),
    conditions: text(values.conditions),
    legalBasis: list(values.legalBasis),
  };
}

export const EMPTY_VALUES: ProcedureValues = valuesOf(EMPTY_DATA);

/**
 * Procedure data pasted as JSON (the catalog's JSON export holds a list of them): one object,
 * or a one-element list. Missing fields take their empty value; the server checks the rest.
 */
export function parseProcedureJson(input: string): ProcedureData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    throw new Error('Nội dung dán vào không phải JSON hợp lệ.');
  }
  if (Array.isArray(parsed)) {
    if (parsed.length !== 1) throw new Error(`JSON có ${parsed.length} thủ tục; hãy dán đúng một thủ tục.`);
    parsed = parsed[0];
  }
  if (typeof parsed !== 'object' || parsed === null) throw new Error('JSON phải là một đối tượng thủ tục ({ "code": …, "name": …, … }).');
  const data = { ...EMPTY_DATA, ...(parsed as Partial<ProcedureData>) };
  if (typeof data.code !== 'string' || !data.code.trim()) throw new Error('JSON thiếu mã thủ tục ("code").');
  if (typeof data.name !== 'string' || !data.name.trim()) throw new Error('JSON thiếu tên thủ tục ("name").');
  if (typeof data.field !== 'string' || !data.field.trim()) throw new Error('JSON thiếu lĩnh vực ("field").');
  for (const key of ['steps', 'channels', 'dossier', 'forms', 'legalBasis'] as const) {
    if (!Array.isArray(data[key])) throw new Error(`"${key}" trong JSON phải là một danh sách.`);
  }
  return data;
}

/** A procedure's text as a compact JSON (for copying into a decision or another tool). */
export function procedureJson(data: ProcedureData): string {
  return JSON.stringify(data, null, 2);
}
