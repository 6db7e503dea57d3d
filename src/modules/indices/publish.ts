/**
 * Publishing an index article or infographic. The seed plan asks to publicise the province's
 * PCI and related indices ("Tuyên truyền các hoạt động PCI của tỉnh, cơ quan", row B.1): a
 * publication recorded here is evidence on that task of the plan of the publication's year,
 * found by its content, dated on the day of publication (so always within the plan's year).
 * The article itself stays in the newsroom or wherever it was published; this records the link.
 */
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { foldVi, normalizeText, todayVi } from '../../platform/vi-text.ts';
import type { IndicesDeps } from './deps.ts';
import { indicesPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { PublicationInputBody, PublicationView } from './schema.ts';

export const PUBLICATION_SOURCE = 'index-publication';
const KIND_LABEL = { article: 'Tin bài', infographic: 'Infographic' } as const;

/** A task about publicising indices: it names PCI, PAR Index, PAPI or SIPAS, or "chỉ số" (folded). */
export function isIndexTask(content: string): boolean {
  return /\b(pci|par index|papi|sipas)\b|chi so (cai cach|nang luc|hai long)/.test(foldVi(content));
}

export function createIndexPublications({ database, audit, plans, evidence, onPublicChange }: IndicesDeps) {
  const { db } = database;

  /** The first plan of `year` (not a draft) that has an index task, and those tasks. */
  async function targetOf(a: Actor, year: number) {
    const candidates = (await plans.list(a)).filter((p) => p.year === year && p.status !== 'draft');
    for (const p of candidates) {
      const plan = await plans.planTasks(a.agencyId, p.id);
      const taskIds = (plan?.tasks ?? []).filter((t) => t.kind === 'task' && isIndexTask(t.content)).map((t) => t.id);
      if (taskIds.length) return { planId: p.id, taskIds };
    }
    return undefined;
  }

  return {
    async list(actor: Actor | undefined): Promise<PublicationView[]> {
      const a = authorize(actor, indicesPolicy, 'indices.read');
      return (await repo.listPublications(db, a.agencyId)).map((r) => ({ id: r.id, year: r.year, kind: r.kind, title: r.title, link: r.link, publishedOn: r.published_on, planId: r.plan_id, evidenceId: r.evidence_id }));
    },

    async publish(actor: Actor | undefined, input: PublicationInputBody): Promise<PublicationView> {
      const a = authorize(actor, indicesPolicy, 'indices.publish');
      const day = input.publishedOn;
      if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || !new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)) throw new BadRequestError('Ngày đăng không hợp lệ.');
      if (day > todayVi()) throw new BadRequestError('Ngày đăng không được sau hôm nay.');
      if (input.year > Number(day.slice(0, 4))) throw new BadRequestError(`Chỉ số năm ${input.year} chưa thể được công bố trước năm đó.`);
      const link = input.link.trim();
      if (!/^(\/[^\s<>"]*|https?:\/\/[^\s<>"]+)$/.test(link)) throw new BadRequestError('Đường dẫn phải là địa chỉ trên cổng (bắt đầu bằng /) hoặc http(s)://.');
      const title = normalizeText(input.title);
      if (!title) throw new BadRequestError('Hãy nhập tiêu đề tin bài hoặc infographic.');
      const target = await targetOf(a, Number(day.slice(0, 4)));
      const id = newId();
      // Validated before the transaction (it reads plans and units); only the write runs inside it.
      const record = target
        ? await evidence.prepareFromSource(a.agencyId, {
          source: { type: PUBLICATION_SOURCE, id }, planId: target.planId, taskIds: target.taskIds, kind: 'article', date: day,
          unitId: a.unitId, title: `${KIND_LABEL[input.kind]} về chỉ số năm ${input.year}: ${title}`, link, quantities: { articles: 1 },
        })
        : null;
      const view = await database.transaction(async (trx) => {
        const evidenceId = record ? await record(trx) : null;
        await repo.insertPublication(trx, { id, agency_id: a.agencyId, year: input.year, title, kind: input.kind, link, published_on: day, plan_id: target?.planId ?? null, evidence_id: evidenceId, created_by: a.userId, created_at: nowIso() });
        await audit.record(trx, a, { action: 'publish', entity: 'index_publication', entityId: id, after: { ...input, evidenceId } });
        return {
          id, year: input.year, kind: input.kind, title, link, publishedOn: day, planId: target?.planId ?? null, evidenceId,
          message: target
            ? `Đã ghi nhận ${KIND_LABEL[input.kind].toLowerCase()} và ghi minh chứng cho ${target.taskIds.length} nhiệm vụ tuyên truyền về chỉ số của kế hoạch năm ${day.slice(0, 4)}.`
            : `Đã ghi nhận ${KIND_LABEL[input.kind].toLowerCase()}; chưa ghi minh chứng vì kế hoạch năm ${day.slice(0, 4)} không có nhiệm vụ về PCI và các chỉ số.`,
        };
      });
      onPublicChange(a.agencyId);
      return view;
    },
  };
}
