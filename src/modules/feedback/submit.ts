import { newId, nowIso } from '../../db/sql-helpers.ts';
import { DomainError } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/store.ts';
import { acceptUpload, formatSize } from '../../platform/media/sniff.ts';
import { todayVi } from '../../platform/vi-text.ts';
import { verifyChallenge } from './challenge.ts';
import { deadlinesFor } from './deadlines.ts';
import type { FeedbackDeps } from './deps.ts';
import { checkForm, MAX_FILE_BYTES, MAX_FILES, type FormErrors, type FormValues } from './form.ts';
import * as repo from './repo.ts';
import { newTrackingCode } from './tracking-code.ts';
import { searchKey } from './handling.ts';

/** An attachment as the form sent it; `truncated` when it passed the upload size limit. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  truncated?: boolean;
}

/** The form cannot be accepted: the page shows it again with these messages (nothing was stored). */
export class FeedbackFormError extends DomainError {
  constructor(status: number, public readonly errors: FormErrors) {
    super(status, errors.form ?? 'Phản ánh chưa gửi được: hãy xem các ô được đánh dấu.', 'feedback_form', { errors });
  }
}

const FILE_KINDS = ['image', 'pdf', 'docx'] as const;

/**
 * The public form's use case: the honeypot, the challenge, the fields, the related procedure
 * (from the agency's catalog in force) and the attachments are all checked before anything is
 * written; then the feedback, its files and its first history step go in one transaction.
 */
export function createSubmission({ database, audit, procedures, challengeSecret }: FeedbackDeps) {
  /** Sniffed attachments, or the message for the files field and the status it answers with. */
  function checkFiles(files: UploadedFile[]) {
    const given = files.filter((f) => f.bytes.length > 0 || f.truncated);
    if (given.length > MAX_FILES) return { error: `Chỉ được đính kèm tối đa ${MAX_FILES} tệp.`, status: 413 };
    const accepted: { name: string; mime: string; bytes: Uint8Array }[] = [];
    for (const f of given) {
      if (f.truncated) return { error: `Tệp “${f.name}” vượt quá dung lượng tối đa ${formatSize(MAX_FILE_BYTES)}.`, status: 413 };
      try {
        const sniffed = acceptUpload(f.bytes, f.name, [...FILE_KINDS], MAX_FILE_BYTES);
        accepted.push({ name: f.name, mime: sniffed.mime, bytes: f.bytes });
      } catch (err) {
        if (err instanceof DomainError) return { error: `${err.message} Chỉ nhận ảnh (JPEG, PNG, GIF, WebP), PDF hoặc Word (DOCX).`, status: err.status };
        throw err;
      }
    }
    return { accepted };
  }

  return async function submit(agencyId: string, values: FormValues, files: UploadedFile[]): Promise<{ code: string; answerDueOn: string }> {
    // A bot fills the hidden field; a person never sees it. Nothing is stored, and the message
    // tells a person whose browser filled it by mistake how to send again.
    if ((values.trap ?? '').trim() !== '') throw new FeedbackFormError(400, { form: 'Không gửi được phản ánh. Hãy tải lại trang rồi gửi lại.' });
    const { clean, errors } = checkForm(values);
    let status = 400;
    if (values.answer?.trim()) {
      const outcome = verifyChallenge(challengeSecret, values.token ?? '', values.answer);
      if (outcome === 'wrong') errors.answer = 'Câu trả lời kiểm tra chưa đúng: hãy tính lại.';
      else if (outcome === 'expired') errors.answer = 'Câu hỏi kiểm tra đã hết hạn: hãy trả lời câu hỏi mới.';
      else if (outcome === 'invalid') errors.answer = 'Không đọc được mã kiểm tra: hãy trả lời câu hỏi mới.';
    }
    let procedureName: string | null = null;
    if (clean?.procedureCode) {
      const found = await procedures.procedure(agencyId, clean.procedureCode);
      if (!found) errors.procedure = 'Thủ tục đã chọn không có trong danh mục thủ tục của cơ quan.';
      else procedureName = found.name;
    }
    const checked = checkFiles(files);
    if (checked.error) {
      errors.files = checked.error;
      if (Object.keys(errors).length === 1) status = checked.status;
    }
    if (!clean || Object.keys(errors).length > 0 || !checked.accepted) throw new FeedbackFormError(status, errors);

    const today = todayVi();
    const year = Number(today.slice(0, 4));
    const due = deadlinesFor(today);
    const now = nowIso();
    const id = newId();
    return database.transaction(async (trx) => {
      let code = newTrackingCode(year);
      // 29^6 codes a year make a clash rare; drawing again keeps codes unique per agency.
      while (await repo.codeTaken(trx, agencyId, code)) code = newTrackingCode(year);
      await repo.insertFeedback(trx, {
        id, agency_id: agencyId, code, status: 'received',
        sender_name: clean.name, sender_address: clean.address, sender_phone: clean.phone, sender_email: clean.email,
        subject: clean.subject, content: clean.content, procedure_code: procedureName ? clean.procedureCode : null, procedure_name: procedureName,
        consent_publish: clean.consent ? 1 : 0, unit_id: null, answer_text: null, answered_by: null, answered_at: null, approved_by: null, approved_at: null,
        public_question: null, search_text: null, search_key: searchKey({ code, subject: clean.subject, sender_name: clean.name }), published_at: null, closed_at: null,
        assign_due_on: due.assignDueOn, answer_due_on: due.answerDueOn, is_demo: 0, received_at: now, updated_at: now,
      });
      for (const [position, f] of checked.accepted.entries()) {
        const stored = await fileStore.save(trx, { agencyId, name: f.name, mime: f.mime, bytes: f.bytes, createdBy: null });
        await repo.insertFile(trx, { agency_id: agencyId, feedback_id: id, file_id: stored.id, position });
      }
      await repo.insertEvent(trx, { id: newId(), agency_id: agencyId, feedback_id: id, action: 'receive', from_status: null, to_status: 'received', note: null, actor_id: null, created_at: now });
      // The audit entry names the item, not the sender: personal data stays in the feedback row.
      await audit.record(trx, { system: 'cổng phản ánh', agencyId }, { action: 'create', entity: 'feedback', entityId: id, after: { code, subject: clean.subject, files: checked.accepted.length } });
      return { code, answerDueOn: due.answerDueOn };
    });
  };
}
