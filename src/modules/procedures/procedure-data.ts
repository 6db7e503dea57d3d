import { Type, type Static } from 'typebox';

/**
 * One administrative procedure (thủ tục hành chính, TTHC) as announced: every field of
 * DESIGN.md. A version of a procedure stores exactly this; imports and exports read and write it.
 */

export const CHANNELS = { in_person: 'Trực tiếp', online: 'Trực tuyến', postal: 'Dịch vụ bưu chính công ích' } as const;
export type ChannelKind = keyof typeof CHANNELS;

export const ONLINE_LEVELS = { full: 'Toàn trình', partial: 'Một phần' } as const;
export type OnlineLevel = keyof typeof ONLINE_LEVELS;

/** Levels of government that carry out procedures. */
export const PROCEDURE_LEVELS = ['Cấp trung ương', 'Cấp tỉnh', 'Cấp huyện', 'Cấp xã', 'Cơ quan khác'] as const;

export const Channel = Type.Object({
  channel: Type.Union([Type.Literal('in_person'), Type.Literal('online'), Type.Literal('postal')]),
  /** As written ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"). */
  processingTime: Type.String({ maxLength: 1000 }),
  /** As written ("Không", "50.000 đồng/hồ sơ"). */
  fee: Type.String({ maxLength: 1000 }),
  description: Type.String({ maxLength: 4000 }),
});

export const DossierItem = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 2000 }),
  originals: Type.Integer({ minimum: 0, maximum: 100 }),
  copies: Type.Integer({ minimum: 0, maximum: 100 }),
});

export const ProcedureData = Type.Object({
  /** Opaque code from the national database, e.g. `1.004947` or `1.012223.H38` (never parsed as a number). */
  code: Type.String({ minLength: 1, maxLength: 60 }),
  name: Type.String({ minLength: 1, maxLength: 1000 }),
  /** Lĩnh vực, by name (the fields list is kept per agency). */
  field: Type.String({ minLength: 1, maxLength: 300 }),
  level: Type.String({ maxLength: 100 }),
  implementingAgency: Type.String({ maxLength: 1000 }),
  /** Trình tự thực hiện: the steps, one per line. */
  steps: Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 100 }),
  channels: Type.Array(Channel, { maxItems: 3 }),
  /** Legal processing time in working days, when it is a number (checks internal processes). */
  processingDays: Type.Union([Type.Null(), Type.Number({ minimum: 0, maximum: 3650 })]),
  onlineLevel: Type.Union([Type.Null(), Type.Literal('full'), Type.Literal('partial')]),
  dossier: Type.Array(DossierItem, { maxItems: 200 }),
  applicants: Type.String({ maxLength: 4000 }),
  result: Type.String({ maxLength: 4000 }),
  /** Forms (mẫu đơn, tờ khai) by name; files attached to a version are linked by name. */
  forms: Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 100 }),
  conditions: Type.String({ maxLength: 8000 }),
  legalBasis: Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 100 }),
});
export type ProcedureDataValue = Static<typeof ProcedureData>;

/** The change a decision makes to a procedure (Quyết định công bố). */
export const CHANGE_KINDS = { new: 'Ban hành mới', amended: 'Sửa đổi, bổ sung', replaced: 'Thay thế', abolished: 'Bãi bỏ' } as const;
export type ChangeKind = keyof typeof CHANGE_KINDS;

/** The public national service portal's page of a procedure, by its code. */
export const nationalPortalUrl = (code: string) => `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${encodeURIComponent(code)}`;
