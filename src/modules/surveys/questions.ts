/** The agency's questionnaire: its own questions once saved, the defaults until then. */
import { newId, nowIso } from '../../db/sql-helpers.ts';
import type { Executor } from '../../db/database.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import type { SurveysDeps } from './deps.ts';
import { DEFAULT_QUESTIONS, ELEMENT_LABELS, ELEMENTS, type SurveyQuestion } from './elements.ts';
import { surveysPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { QuestionsInputBody } from './schema.ts';

/** The questions in force for an agency, in order, and whether they are the defaults. */
export async function questionsOf(db: Executor, agencyId: string): Promise<{ isDefault: boolean; questions: SurveyQuestion[] }> {
  const rows = await repo.listQuestions(db, agencyId);
  if (rows.length === 0) return { isDefault: true, questions: [...DEFAULT_QUESTIONS] };
  return { isDefault: false, questions: rows.map((r) => ({ id: r.id, element: r.element, text: r.text })) };
}

export function createQuestionnaire({ database, audit, onPublicChange }: SurveysDeps) {
  const { db } = database;
  return {
    async get(actor: Actor | undefined) {
      const a = authorize(actor, surveysPolicy, 'surveys.read');
      return { ...(await questionsOf(db, a.agencyId)), elements: [...ELEMENTS] };
    },

    /**
     * Replaces the questions. Every element keeps at least one question (the index is computed
     * per element); a kept question keeps its id. Answers already given keep their element.
     */
    async save(actor: Actor | undefined, input: QuestionsInputBody) {
      const a = authorize(actor, surveysPolicy, 'surveys.manage');
      const texts = input.questions.map((q) => ({ ...q, text: normalizeText(q.text) }));
      if (texts.some((q) => !q.text)) throw new BadRequestError('Câu hỏi không được để trống.');
      const missing = ELEMENTS.filter((e) => !texts.some((q) => q.element === e.key)).map((e) => `"${e.label}"`);
      if (missing.length) throw new BadRequestError(`Mỗi yếu tố cần ít nhất một câu hỏi; còn thiếu: ${missing.join(', ')}.`);
      const before = await questionsOf(db, a.agencyId);
      const known = new Set(before.questions.map((q) => q.id));
      const now = nowIso();
      // Grouped by element in the SIPAS order, in the order given within each element.
      const ordered = ELEMENTS.flatMap((e) => texts.filter((q) => q.element === e.key));
      const rows = ordered.map((q, i) => ({ id: q.id && known.has(q.id) ? q.id : newId(), agency_id: a.agencyId, element: q.element, position: i + 1, text: q.text, created_at: now }));
      if (new Set(rows.map((r) => r.id)).size !== rows.length) throw new BadRequestError('Một câu hỏi xuất hiện hai lần.');
      await database.transaction(async (trx) => {
        await repo.replaceQuestions(trx, a.agencyId, rows);
        await audit.record(trx, a, { action: 'update', entity: 'survey_questions', entityId: a.agencyId, before: before.questions, after: rows.map((r) => ({ id: r.id, element: ELEMENT_LABELS[r.element], text: r.text })) });
      });
      onPublicChange(a.agencyId);
      return { isDefault: false, questions: rows.map((r) => ({ id: r.id, element: r.element, text: r.text })), elements: [...ELEMENTS] };
    },
  };
}
