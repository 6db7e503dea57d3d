import type { FeedbackTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, hasPermission, type Actor } from '../../platform/access.ts';
import { fileStore } from '../../platform/files/store.ts';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { foldVi, normalizeText, todayVi } from '../../platform/vi-text.ts';
import type { FeedbackDeps } from './deps.ts';
import { feedbackPolicy } from './policy.ts';
import * as repo from './repo.ts';
import { eventView, listItemView } from './views.ts';
import { ACTIONS, STATUS_LABELS, type FeedbackAction, type FeedbackStatus } from './workflow.ts';

export interface FeedbackListQuery {
  status?: FeedbackStatus;
  unitId?: string;
  overdue?: boolean;
  q?: string;
}

/** Words of a search, folded (tones, case, đ→d) and stripped of LIKE wildcards, at most eight. */
export function searchWords(q: string | undefined): string[] {
  return foldVi(q ?? '').split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 0).slice(0, 8);
}

/** What the admin list's search matches: code, subject and the sender's name, folded. */
export function searchKey(row: { code: string; subject: string; sender_name: string }): string {
  return foldVi(`${row.code} ${row.subject} ${row.sender_name}`);
}

/** Officers of a unit see only what was assigned to their unit; `feedback.read_all` sees everything. */
function readsAll(a: Actor) {
  return hasPermission(a, feedbackPolicy, 'feedback.read_all');
}

/**
 * The internal workflow: assign to a unit → the unit drafts the answer → a leader approves it
 * (never its drafter) or returns it → published when the sender agreed → closed. Every step checks
 * the actor and the row, writes the row, a history event and the audit entry in one transaction.
 */
export function createHandling({ database, audit, org, onPublicChange }: FeedbackDeps) {
  const { db } = database;

  async function unitNames(agencyId: string) {
    const { units } = await org.unitDirectory(agencyId);
    return new Map(units.map((u) => [u.id, u.shortName || u.name]));
  }

  /** The row after the agency check, and for officers of a unit, the unit check (404 either way). */
  async function load(actor: Actor | undefined, id: string, permission: keyof typeof feedbackPolicy) {
    const row = await repo.findFeedback(db, id);
    const a = authorize(actor, feedbackPolicy, 'feedback.read', row);
    if (!readsAll(a) && row!.unit_id !== a.unitId) throw new NotFoundError();
    authorize(a, feedbackPolicy, permission);
    return { a, row: row! };
  }

  /** Which steps the actor may take on the row now (the admin shows only those buttons). */
  function allowedActions(a: Actor, row: FeedbackTable): FeedbackAction[] {
    return (Object.keys(ACTIONS) as FeedbackAction[]).filter((k) => {
      const step = ACTIONS[k];
      if (!(step.from as readonly string[]).includes(row.status) || !hasPermission(a, feedbackPolicy, step.permission)) return false;
      if (k === 'answer' && !readsAll(a) && row.unit_id !== a.unitId) return false;
      if (k === 'approve' && row.answered_by === a.userId) return false;
      if (k === 'publish' && row.consent_publish !== 1) return false;
      return true;
    });
  }

  async function detail(a: Actor, id: string) {
    const row = (await repo.findFeedback(db, id))!;
    const [names, events, files] = await Promise.all([unitNames(a.agencyId), repo.listEvents(db, a.agencyId, id), repo.listFiles(db, a.agencyId, id)]);
    const people = await org.userNames(a.agencyId, [...events.map((e) => e.actor_id), row.answered_by, row.approved_by].filter((x): x is string => x !== null));
    return {
      ...listItemView(row, names, todayVi()),
      sender: { name: row.sender_name, address: row.sender_address, phone: row.sender_phone, email: row.sender_email },
      content: row.content,
      answerText: row.answer_text,
      answeredBy: row.answered_by ? (people.get(row.answered_by)?.fullName ?? null) : null,
      answeredAt: row.answered_at,
      approvedBy: row.approved_by ? (people.get(row.approved_by)?.fullName ?? null) : null,
      approvedAt: row.approved_at,
      publicQuestion: row.public_question,
      publishedAt: row.published_at,
      closedAt: row.closed_at,
      files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size })),
      history: events.map((e) => eventView(e, people)),
      actions: allowedActions(a, row),
    };
  }

  /** Runs one step: checks it is allowed now, then row + event + audit in one transaction. */
  async function step(actor: Actor | undefined, id: string, action: FeedbackAction, patch: (row: FeedbackTable, a: Actor, now: string) => Partial<FeedbackTable>, note: string | null = null) {
    const spec = ACTIONS[action];
    const { a, row } = await load(actor, id, spec.permission);
    if (!(spec.from as readonly string[]).includes(row.status)) {
      throw new ConflictError(`Không thể "${spec.label.toLowerCase()}" khi phản ánh đang ở trạng thái "${STATUS_LABELS[row.status as FeedbackStatus]}".`);
    }
    if (action === 'answer' && !readsAll(a) && row.unit_id !== a.unitId) throw new ForbiddenError('Chỉ đơn vị được giao xử lý mới soạn được câu trả lời.');
    if (action === 'approve' && row.answered_by === a.userId) throw new ForbiddenError('Người soạn câu trả lời không được tự duyệt: cần một lãnh đạo khác duyệt.');
    if (action === 'publish' && row.consent_publish !== 1) throw new ConflictError('Người gửi không đồng ý công khai: chỉ trả lời riêng qua tra cứu mã, không đăng lên cổng.');
    const now = nowIso();
    const changes = { ...patch(row, a, now), status: spec.to, updated_at: now };
    await database.transaction(async (trx) => {
      // Two people acting at once (two leaders approving): the second finds the state moved on.
      if (!(await repo.updateFeedbackFrom(trx, a.agencyId, id, row.status, changes))) throw new ConflictError('Phản ánh vừa được người khác xử lý: hãy tải lại trang.');
      await repo.insertEvent(trx, { id: newId(), agency_id: a.agencyId, feedback_id: id, action, from_status: row.status, to_status: spec.to, note, actor_id: a.userId, created_at: now });
      await audit.record(trx, a, { action: `feedback.${action}`, entity: 'feedback', entityId: id, before: { status: row.status, unitId: row.unit_id }, after: { status: spec.to, unitId: changes.unit_id ?? row.unit_id, note } });
    });
    if (row.published_at !== null || changes.published_at) onPublicChange(a.agencyId);
    return detail(a, id);
  }

  const required = (text: string | undefined, message: string, max: number) => {
    const t = (text ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (!t) throw new BadRequestError(message);
    if ([...t].length > max) throw new BadRequestError(`Nội dung không được quá ${max} ký tự.`);
    return t;
  };

  return {
    async list(actor: Actor | undefined, query: FeedbackListQuery) {
      const a = authorize(actor, feedbackPolicy, 'feedback.read');
      const unitId = readsAll(a) ? query.unitId : (a.unitId ?? '-');
      const today = todayVi();
      const [rows, names] = await Promise.all([repo.listFeedback(db, { agencyId: a.agencyId, status: query.status, unitId, words: searchWords(query.q), overdueOn: query.overdue ? today : undefined }), unitNames(a.agencyId)]);
      return rows.map((r) => listItemView(r, names, today));
    },

    async get(actor: Actor | undefined, id: string) {
      const { a } = await load(actor, id, 'feedback.read');
      return detail(a, id);
    },

    async file(actor: Actor | undefined, id: string, fileId: string) {
      const { a } = await load(actor, id, 'feedback.read');
      if (!(await repo.listFiles(db, a.agencyId, id)).some((f) => f.id === fileId)) throw new NotFoundError('Không tìm thấy tệp đính kèm.');
      return (await fileStore.content(db, a.agencyId, fileId))!;
    },

    async assign(actor: Actor | undefined, id: string, input: { unitId: string; note?: string }) {
      const { a } = await load(actor, id, 'feedback.assign');
      const unit = (await org.unitDirectory(a.agencyId)).units.find((u) => u.id === input.unitId && u.active);
      if (!unit) throw new BadRequestError('Đơn vị được chọn không có trong danh sách đơn vị đang hoạt động của cơ quan.');
      const note = input.note ? normalizeText(input.note) || null : null;
      return step(actor, id, 'assign', () => ({ unit_id: unit.id }), `Giao ${unit.shortName || unit.name}${note ? `: ${note}` : ''}`);
    },

    async answer(actor: Actor | undefined, id: string, input: { answer: string }) {
      const text = required(input.answer, 'Hãy nhập nội dung trả lời.', 10_000);
      return step(actor, id, 'answer', (_row, a, now) => ({ answer_text: text, answered_by: a.userId, answered_at: now }));
    },

    async returnToUnit(actor: Actor | undefined, id: string, input: { reason: string }) {
      const reason = required(input.reason, 'Hãy nêu lý do trả lại để đơn vị sửa câu trả lời.', 2000);
      return step(actor, id, 'return', () => ({}), reason);
    },

    async approve(actor: Actor | undefined, id: string) {
      return step(actor, id, 'approve', (_row, a, now) => ({ approved_by: a.userId, approved_at: now }));
    },

    /** Publishes the question (as edited to leave out personal data) with its approved answer. */
    async publish(actor: Actor | undefined, id: string, input: { publicQuestion?: string }) {
      return step(actor, id, 'publish', (row, _a, now) => {
        const question = input.publicQuestion?.trim() ? required(input.publicQuestion, '', 5000) : row.content;
        return { public_question: question, published_at: now, search_text: foldVi(`${row.subject} ${question} ${row.answer_text ?? ''} ${row.procedure_name ?? ''}`) };
      });
    },

    async close(actor: Actor | undefined, id: string, input: { note?: string }) {
      const { row } = await load(actor, id, 'feedback.assign');
      // Closing before an answer means it will not be answered: the sender is owed the reason.
      const note = row.approved_at === null ? required(input.note, 'Hãy nêu lý do kết thúc khi phản ánh chưa có câu trả lời (người gửi sẽ thấy lý do này khi tra cứu).', 2000) : (input.note?.trim() || null);
      return step(actor, id, 'close', (_r, _a, now) => ({ closed_at: now }), note);
    },
  };
}
