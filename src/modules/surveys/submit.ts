/**
 * The public side of the survey: the form's content (questions, the procedure from the QR
 * link, a fresh token) and the submission, checked whole and written in one transaction.
 * Outcomes, not exceptions: the page shows the form again with what was typed and the message.
 */
import { newId, nowIso } from '../../db/sql-helpers.ts';
import type { SurveyAnswerTable } from '../../db/types.ts';
import type { SystemActor } from '../../platform/audit/service.ts';
import { normalizeText, todayVi } from '../../platform/vi-text.ts';
import type { SurveysDeps } from './deps.ts';
import { LIKERT } from './elements.ts';
import { questionsOf } from './questions.ts';
import * as repo from './repo.ts';
import { issueToken, verifyToken } from './token.ts';

export const COMMENT_MAX = 2000;
/** Up to this many procedures the form offers a list to choose from; beyond, a field for the code. */
export const CHOICE_LIMIT = 300;

/** What the form posts, as strings (absent fields are ''). */
export interface SurveyForm {
  token: string;
  procedureCode: string;
  /** Question id → "1" … "5". */
  answers: Record<string, string>;
  comment: string;
  /** The hidden field people never see: filled only by robots. */
  honeypot: string;
}

export type SubmitOutcome =
  | { ok: true; spam: boolean }
  | { ok: false; status: 400 | 409; message: string; /** Ids of the questions left unanswered. */ missing: string[] };

export interface DemoResponse {
  answeredOn: string;
  procedureCode: string | null;
  values: number[];
  comment: string | null;
}

export function createSubmission({ database, audit, procedures, secret, onPublicChange }: SurveysDeps) {
  const { db } = database;

  /** The code as a procedure of the catalog (name and field), or undefined when it is not one. */
  async function procedureOf(agencyId: string, code: string) {
    const p = code && code.length <= 60 ? await procedures.procedure(agencyId, code) : undefined;
    return p?.current ? { code: p.code, name: p.name, field: p.field } : undefined;
  }

  return {
    /** The form: questions, the procedure asked for (when it is in force), the procedures to choose from, a new token. */
    async form(agencyId: string, code: string) {
      const [{ questions }, procedure, list] = await Promise.all([
        questionsOf(db, agencyId), procedureOf(agencyId, code), procedures.catalog(agencyId, { page: 1, pageSize: CHOICE_LIMIT }),
      ]);
      // A long catalog would weigh down the page on a slow phone: then the code is typed (it is printed on the desk sheet).
      const choices = list.total <= CHOICE_LIMIT ? list.items.map((p) => ({ code: p.code, name: p.name })) : null;
      return { questions, procedure: procedure ?? null, procedures: choices, token: issueToken(secret, agencyId) };
    },

    async submit(agencyId: string, form: SurveyForm, now = Date.now()): Promise<SubmitOutcome> {
      // A robot filled the hidden field: thank it and keep nothing.
      if (form.honeypot.trim()) return { ok: true, spam: true };
      const token = verifyToken(secret, agencyId, form.token, now);
      if (token === 'invalid') return { ok: false, status: 400, message: 'Phiếu khảo sát không hợp lệ. Hãy trả lời trên phiếu mới dưới đây.', missing: [] };
      if (token === 'expired') return { ok: false, status: 400, message: 'Phiếu khảo sát đã mở quá lâu và hết hạn. Các câu trả lời vẫn được giữ: hãy kiểm tra rồi gửi lại.', missing: [] };
      if (await repo.tokenUsed(db, agencyId, token.nonce)) return { ok: false, status: 409, message: 'Phiếu khảo sát này đã được gửi trước đó; mỗi phiếu chỉ được gửi một lần. Cảm ơn bạn đã góp ý.', missing: [] };
      const { questions } = await questionsOf(db, agencyId);
      const missing = questions.filter((q) => !/^[1-5]$/.test(form.answers[q.id] ?? '')).map((q) => q.id);
      if (missing.length) return { ok: false, status: 400, message: `Hãy chọn mức độ hài lòng cho ${missing.length} câu hỏi còn thiếu (đánh dấu bên dưới).`, missing };
      const comment = normalizeText(form.comment);
      if (comment.length > COMMENT_MAX) return { ok: false, status: 400, message: `Ý kiến khác dài quá ${COMMENT_MAX} ký tự.`, missing: [] };
      const code = normalizeText(form.procedureCode);
      const procedure = code ? await procedureOf(agencyId, code) : undefined;
      if (code && !procedure) return { ok: false, status: 400, message: `Mã thủ tục "${code}" không có trong danh mục thủ tục đang có hiệu lực; hãy chọn lại thủ tục.`, missing: [] };

      const id = newId();
      const answers: SurveyAnswerTable[] = questions.map((q) => ({ agency_id: agencyId, response_id: id, question_id: q.id, element: q.element, value: Number(form.answers[q.id]) }));
      try {
        await database.transaction(async (trx) => {
          await repo.insertResponse(trx, { id, agency_id: agencyId, token: token.nonce, procedure_code: procedure?.code ?? null, procedure_name: procedure?.name ?? null, field_name: procedure?.field ?? null, answered_on: todayVi(new Date(now)), comment: comment || null, is_demo: 0, created_at: nowIso() });
          await repo.insertAnswers(trx, answers);
        });
      } catch (err) {
        // Two submissions of one form at once: the token's unique key lets only one in.
        if (await repo.tokenUsed(db, agencyId, token.nonce)) return { ok: false, status: 409, message: 'Phiếu khảo sát này đã được gửi trước đó; mỗi phiếu chỉ được gửi một lần.', missing: [] };
        throw err;
      }
      onPublicChange(agencyId);
      return { ok: true, spam: false };
    },

    /** Demo seed only: responses flagged demo (answers by question order), written as the system. */
    async writeDemo(agencyId: string, responses: DemoResponse[], by: SystemActor) {
      const { questions } = await questionsOf(db, agencyId);
      const named = new Map<string, Awaited<ReturnType<typeof procedureOf>>>();
      for (const code of new Set(responses.map((r) => r.procedureCode).filter((c): c is string => c !== null))) named.set(code, await procedureOf(agencyId, code));
      await database.transaction(async (trx) => {
        for (const r of responses) {
          const id = newId();
          const p = r.procedureCode ? named.get(r.procedureCode) : undefined;
          await repo.insertResponse(trx, { id, agency_id: agencyId, token: `demo-${id}`, procedure_code: p?.code ?? null, procedure_name: p?.name ?? null, field_name: p?.field ?? null, answered_on: r.answeredOn, comment: r.comment, is_demo: 1, created_at: nowIso() });
          await repo.insertAnswers(trx, questions.map((q, i) => ({ agency_id: agencyId, response_id: id, question_id: q.id, element: q.element, value: Math.min(LIKERT.length, Math.max(1, r.values[i % r.values.length]!)) })));
        }
        await audit.record(trx, by, { action: 'create', entity: 'survey_response', entityId: `demo:${agencyId}`, after: { responses: responses.length } });
      });
      onPublicChange(agencyId);
    },

    hasResponses: async (agencyId: string) => (await repo.countResponses(db, agencyId)) > 0,
  };
}
