import { importPlanFile } from '../../documents/import/extract.ts';
import { parseDue } from '../../documents/import/due-parser.ts';
import { parsePlanText } from '../../documents/import/text-plan.ts';
import type { PlanDocument } from '../../documents/plan-document.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError, DomainError } from '../../platform/errors.ts';
import { MAX_FILE_BYTES } from '../../platform/files/store.ts';
import type { OrgService } from '../org/service.ts';
import { checkPlanDocument } from './document-schema.ts';
import { plansPolicy } from './policy.ts';
import type { ImportFileInput } from './schema.ts';
import type { PlansService } from './service.ts';

/**
 * The import wizard's two steps: preview reads a file or pasted text into a document and
 * writes nothing; save stores the (possibly corrected) document and the original file.
 */
/** Reads a document from a file or pasted text, writing nothing; importer errors are 4xx. */
export async function readPlanInput(input: { file?: ImportFileInput; text?: string }): Promise<PlanDocument> {
  if (input.file) return importPlanFile(decodeFile(input.file));
  if (input.text?.trim()) return parsePlanText(input.text.normalize('NFC'));
  throw new BadRequestError('Hãy chọn tệp kế hoạch hoặc dán nội dung văn bản.');
}

export function createPlanImports(plans: PlansService, org: OrgService) {
  const read = readPlanInput;
  return {
    async preview(actor: Actor | undefined, input: { file?: ImportFileInput; text?: string }) {
      const a = authorize(actor, plansPolicy, 'plans.import');
      const document = await read(input);
      const names = [...new Set((document.appendix?.tasks ?? []).flatMap((t) => [t.lead, ...t.coop]).filter(Boolean))];
      return { document, units: await org.matchUnitNames(a.agencyId, names) };
    },

    /**
     * Re-reads a document the user corrected in the preview: deadlines parsed again from their
     * text, task warnings recomputed, unit names matched. Writes nothing.
     */
    async check(actor: Actor | undefined, input: { document: unknown }) {
      const a = authorize(actor, plansPolicy, 'plans.import');
      const doc = checkPlanDocument(input.document);
      const year = doc.year ?? undefined;
      const tasks = (doc.appendix?.tasks ?? []).map((t) => ({ ...t, due: t.dueText.trim() ? parseDue(t.dueText, { year }) : null }));
      const taskWarnings = tasks.flatMap((t, i) => [
        ...(!t.lead.trim() ? [{ path: `appendix.tasks[${i}].lead`, message: 'Chưa có đơn vị chủ trì.' }] : []),
        ...(!t.dueText.trim() ? [{ path: `appendix.tasks[${i}].dueText`, message: 'Chưa có thời hạn hoàn thành.' }] : !t.due ? [{ path: `appendix.tasks[${i}].due`, message: `Không hiểu thời hạn "${t.dueText}".` }] : []),
      ]);
      const warnings = [...doc.warnings.filter((w) => !w.path.startsWith('appendix.tasks[')), ...taskWarnings];
      const document = { ...doc, appendix: doc.appendix ? { ...doc.appendix, tasks } : null, warnings };
      const names = [...new Set(tasks.flatMap((t) => [t.lead, ...t.coop]).filter(Boolean))];
      return { document, units: await org.matchUnitNames(a.agencyId, names) };
    },

    async save(actor: Actor | undefined, input: { document: unknown; file?: ImportFileInput }) {
      authorize(actor, plansPolicy, 'plans.import');
      const document = checkPlanDocument(input.document);
      const file = input.file ? decodeFile(input.file) : undefined;
      return plans.createFromDocument(actor, document, file && { name: file.name, mime: file.mime ?? guessMime(file.name), bytes: file.bytes });
    },

    /** For the CLI and the seed: read a file from bytes without an actor. */
    read,
  };
}

function decodeFile(file: ImportFileInput): { name: string; mime?: string; bytes: Uint8Array } {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(file.base64)) throw new BadRequestError('Tệp gửi lên không đúng mã hoá base64.');
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length > MAX_FILE_BYTES) throw new DomainError(413, `Tệp vượt quá ${MAX_FILE_BYTES / 1024 / 1024} MB.`, 'file_too_large');
  return { name: file.name, mime: file.mime, bytes };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
};

export function guessMime(name: string): string {
  return MIME_BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

export type PlanImports = ReturnType<typeof createPlanImports>;
