import type { FeedbackDeps } from './deps.ts';
import { phoneTail } from './form.ts';
import { searchWords } from './handling.ts';
import { feedbackPaths } from './paths.ts';
import * as repo from './repo.ts';
import { parseTrackingCode } from './tracking-code.ts';
import { hasApprovedAnswer, publicStatusLabel, type FeedbackStatus } from './workflow.ts';

export const PUBLIC_PAGE_SIZE = 10;

/** A published question and answer: never the sender's name, address, phone or e-mail. */
export interface PublicAnswer {
  id: string;
  subject: string;
  question: string;
  answer: string;
  procedureName: string | null;
  receivedAt: string;
  publishedAt: string;
  isDemo: boolean;
  path: string;
}

/** What the sender's lookup shows. */
export interface LookupResult {
  code: string;
  subject: string;
  receivedAt: string;
  statusLabel: string;
  answer: string | null;
  answeredOn: string | null;
  /** Why handling ended without an answer, when it did. */
  closingNote: string | null;
  answerDueOn: string;
}

type PublishedRow = NonNullable<Awaited<ReturnType<typeof repo.findPublished>>>;
const publicView = (r: PublishedRow): PublicAnswer => ({
  id: r.id, subject: r.subject, question: r.public_question ?? '', answer: r.answer_text ?? '', procedureName: r.procedure_name,
  receivedAt: r.received_at, publishedAt: r.published_at!, isDemo: r.is_demo === 1, path: feedbackPaths.item(r.id),
});

/** The read side of the public pages: by agency, no actor. */
export function createFeedbackPublicRead({ database, procedures }: FeedbackDeps) {
  const { db } = database;
  return {
    /** The form's choices of related procedure: the agency's catalog in force, by field and name. */
    async procedureChoices(agencyId: string) {
      const { items } = await procedures.catalog(agencyId, { page: 1, pageSize: 1000 });
      return items.map((p) => ({ code: p.code, name: p.name }));
    },

    /**
     * The sender's own feedback, when the code AND the phone's last four digits match. Any
     * mismatch answers the same undefined, so nothing tells a wrong code from a wrong phone.
     */
    async lookup(agencyId: string, codeText: string, digits: string): Promise<LookupResult | undefined> {
      const code = parseTrackingCode(codeText);
      const tail = digits.replace(/\D/g, '');
      if (!code || tail.length !== 4) return undefined;
      const row = await repo.findByCode(db, agencyId, code);
      if (!row || phoneTail(row.sender_phone) !== tail) return undefined;
      const answered = hasApprovedAnswer(row);
      const events = row.status === 'closed' && !answered ? await repo.listEvents(db, agencyId, row.id) : [];
      return {
        code: row.code, subject: row.subject, receivedAt: row.received_at, statusLabel: publicStatusLabel(row.status as FeedbackStatus, answered),
        answer: answered ? row.answer_text : null, answeredOn: answered ? row.approved_at : null,
        closingNote: events.findLast((e) => e.action === 'close')?.note ?? null, answerDueOn: row.answer_due_on,
      };
    },

    /** Published answers, newest first; `q` must match every word (tones and đ folded). */
    async answered(agencyId: string, query: { q?: string; page: number }) {
      const { items, total } = await repo.listPublished(db, agencyId, searchWords(query.q), PUBLIC_PAGE_SIZE, (query.page - 1) * PUBLIC_PAGE_SIZE);
      return { items: items.map(publicView), total, page: query.page, pageCount: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)) };
    },

    async answer(agencyId: string, id: string): Promise<PublicAnswer | undefined> {
      const row = await repo.findPublished(db, agencyId, id);
      return row && publicView(row);
    },
  };
}

export type FeedbackPublicRead = ReturnType<typeof createFeedbackPublicRead>;
