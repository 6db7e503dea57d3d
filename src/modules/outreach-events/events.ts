/**
 * Recording outreach events. An event linked to plan tasks is evidence on them (kind `event`,
 * dated on its first day, counting one of its kind and its participants); saving the event
 * writes its evidence and deleting it withdraws the evidence, in the same transaction.
 */
import type { Transaction } from 'kysely';
import type { DB, OutreachEventTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, hasPermission, type Actor } from '../../platform/access.ts';
import { BadRequestError, ForbiddenError } from '../../platform/errors.ts';
import { formatDateVi, normalizeText } from '../../platform/vi-text.ts';
import { inForceOn } from './areas.ts';
import { ensureAudiences } from './audiences.ts';
import { EVENT_SOURCE, type EventsDeps } from './deps.ts';
import { eventsPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { EventInputValue, EventQueryValue, EventView } from './schema.ts';
import { eventQuantities, EVENT_KINDS, type EventKind } from './vocabulary.ts';

type Writer = Actor | { system: string; agencyId: string };

export function createEvents(deps: EventsDeps) {
  const { database, audit, org, plans, evidence } = deps;
  const { db } = database;

  async function views(agencyId: string, rows: OutreachEventTable[]): Promise<EventView[]> {
    const [areas, files] = await Promise.all([repo.findAreasByIds(db, agencyId, [...new Set(rows.map((r) => r.area_id))]), repo.listEventFiles(db, agencyId, rows.map((r) => r.id))]);
    const areaOf = new Map(areas.map((a) => [a.id, a]));
    // Grouped once: a filter per row would be quadratic on a year's list.
    const filesOf = new Map<string, typeof files>();
    for (const f of files) filesOf.set(f.event_id, [...(filesOf.get(f.event_id) ?? []), f]);
    return rows.map((r) => {
      const area = areaOf.get(r.area_id);
      return {
        id: r.id, kind: r.kind, title: r.title, startDate: r.start_date, endDate: r.end_date,
        area: { id: r.area_id, code: area?.code ?? '', name: area?.name ?? '' }, address: r.address, unitId: r.unit_id,
        audiences: JSON.parse(r.audiences) as string[], participantsTotal: r.participants_total, participantsWomen: r.participants_women, participantsEthnic: r.participants_ethnic,
        contentItems: JSON.parse(r.content_items) as string[], planId: r.plan_id, taskIds: JSON.parse(r.task_ids) as string[], note: r.note,
        files: (filesOf.get(r.id) ?? []).map((f) => ({ id: f.id, name: f.name, size: f.size, mime: f.mime, role: f.role })),
        isDemo: r.is_demo === 1, createdAt: r.created_at, updatedAt: r.updated_at,
      };
    });
  }

  /** Every rule beyond the input's shape; returns the row's fields. Reads only, before any transaction. */
  async function check(agencyId: string, input: EventInputValue, unitId: string | null, actor?: Actor) {
    const title = normalizeText(input.title).trim();
    if (!title) throw new BadRequestError('Vui lòng nhập tên sự kiện.');
    if (Number.isNaN(Date.parse(input.startDate)) || Number.isNaN(Date.parse(input.endDate))) throw new BadRequestError('Ngày bắt đầu hoặc ngày kết thúc không hợp lệ.');
    if (input.endDate < input.startDate) throw new BadRequestError(`Ngày kết thúc (${formatDateVi(input.endDate)}) không được trước ngày bắt đầu (${formatDateVi(input.startDate)}).`);
    const total = input.participantsTotal;
    if (input.participantsWomen > total) throw new BadRequestError(`Số người tham dự là nữ (${input.participantsWomen}) không được lớn hơn tổng số người tham dự (${total}).`);
    if (input.participantsEthnic > total) throw new BadRequestError(`Số người tham dự là người dân tộc thiểu số (${input.participantsEthnic}) không được lớn hơn tổng số người tham dự (${total}).`);

    const area = await repo.findArea(db, agencyId, input.areaId);
    if (!area) throw new BadRequestError('Không tìm thấy xã, phường nơi tổ chức trong danh sách đơn vị hành chính.');
    if (area.level !== 'commune') throw new BadRequestError(`"${area.name}" không phải cấp xã, phường; hãy chọn xã, phường nơi tổ chức.`);
    if (!inForceOn(area, input.startDate)) {
      throw new BadRequestError(`Đơn vị hành chính "${area.name}" không có hiệu lực vào ngày ${formatDateVi(input.startDate)} của sự kiện; hãy chọn trong danh sách xã, phường áp dụng ngày đó.`);
    }

    const known = new Set((await ensureAudiences(database, agencyId)).map((x) => x.code));
    const unknownAudience = input.audiences.find((c) => !known.has(c));
    if (unknownAudience) throw new BadRequestError(`Đối tượng "${unknownAudience}" không có trong danh sách đối tượng tuyên truyền.`);

    if (unitId) {
      const { units } = await org.unitDirectory(agencyId);
      if (!units.some((u) => u.id === unitId)) throw new BadRequestError('Đơn vị tổ chức không thuộc cơ quan.');
    }

    const taskIds = input.taskIds ?? [];
    const planId = input.planId ?? null;
    if (taskIds.length > 0 && !planId) throw new BadRequestError('Hãy chọn kế hoạch của các nhiệm vụ được gắn.');
    if (planId && taskIds.length > 0) {
      const plan = await plans.planTasks(agencyId, planId);
      if (!plan) throw new BadRequestError('Không tìm thấy kế hoạch.');
      const year = String(plan.year);
      if (!input.startDate.startsWith(year) || !input.endDate.startsWith(year)) {
        throw new BadRequestError(`Sự kiện gắn với nhiệm vụ của kế hoạch năm ${year} phải diễn ra trong năm ${year} (từ ${formatDateVi(input.startDate)} đến ${formatDateVi(input.endDate)} thì không).`);
      }
      if (actor) await evidence.checkActorScope(actor, unitId, planId, taskIds);
    }
    return {
      kind: input.kind, title, start_date: input.startDate, end_date: input.endDate, area_id: area.id, address: input.address ? normalizeText(input.address).trim() || null : null,
      unit_id: unitId, audiences: JSON.stringify(input.audiences), participants_total: total, participants_women: input.participantsWomen, participants_ethnic: input.participantsEthnic,
      content_items: JSON.stringify((input.contentItems ?? []).map((c) => normalizeText(c).trim()).filter(Boolean)), plan_id: taskIds.length > 0 ? planId : null, task_ids: JSON.stringify(taskIds),
      note: input.note ? normalizeText(input.note).trim() || null : null,
    };
  }

  /** The evidence write for an event with tasks (validated now, written inside the caller's transaction), or null. */
  async function evidenceWrite(agencyId: string, id: string, fields: Awaited<ReturnType<typeof check>>, isDemo = false) {
    const taskIds = JSON.parse(fields.task_ids) as string[];
    if (!fields.plan_id || taskIds.length === 0) return null;
    const kind = fields.kind as EventKind;
    return evidence.prepareFromSource(agencyId, {
      source: { type: EVENT_SOURCE, id }, planId: fields.plan_id, taskIds, kind: 'event', date: fields.start_date, unitId: fields.unit_id,
      title: `${EVENT_KINDS[kind].label}: ${fields.title}`, quantities: eventQuantities(kind, fields.participants_total), isDemo,
    });
  }

  /** Staff and unit heads act only for their own unit. */
  function unitFor(a: Actor, asked: string | null | undefined, current?: OutreachEventTable) {
    if (hasPermission(a, eventsPolicy, 'events.any_unit')) return asked === undefined ? (current?.unit_id ?? a.unitId) : asked;
    if (current && current.unit_id !== a.unitId) throw new ForbiddenError('Bạn chỉ sửa sự kiện của đơn vị mình.');
    if (asked !== undefined && asked !== a.unitId) throw new ForbiddenError('Bạn chỉ ghi sự kiện cho đơn vị của mình.');
    if (!a.unitId) throw new ForbiddenError('Tài khoản chưa thuộc đơn vị nào nên chưa ghi được sự kiện.');
    return a.unitId;
  }

  async function createAs(by: Writer, agencyId: string, input: EventInputValue, unitId: string | null, opts: { isDemo?: boolean } = {}) {
    const fields = await check(agencyId, input, unitId, 'userId' in by ? by : undefined);
    const id = newId();
    const write = await evidenceWrite(agencyId, id, fields, opts.isDemo);
    const now = nowIso();
    await database.transaction(async (trx) => {
      await repo.insertEvent(trx, { id, agency_id: agencyId, ...fields, is_demo: opts.isDemo ? 1 : 0, created_by: 'userId' in by ? by.userId : null, created_at: now, updated_at: now });
      const evidenceId = write ? await write(trx) : null;
      await audit.record(trx, by, { action: 'create', entity: 'outreach_event', entityId: id, after: { ...fields, evidenceId } });
    });
    return (await views(agencyId, [(await repo.findEvent(db, id))!]))[0]!;
  }

  /** The event's evidence carries its materials (photos, attendance sheet), e.g. into the PAR Index pack. */
  async function syncEvidenceFiles(trx: Transaction<DB>, agencyId: string, id: string) {
    const files = await repo.listEventFiles(trx, agencyId, [id]);
    await evidence.setSourceFilesIn(trx, agencyId, { type: EVENT_SOURCE, id }, files.map((f) => f.id));
  }

  async function withdrawIn(trx: Transaction<DB>, agencyId: string, id: string, reason: string) {
    return evidence.withdrawSourceIn(trx, agencyId, { type: EVENT_SOURCE, id }, reason);
  }

  return {
    createAs,

    async list(actor: Actor | undefined, query: EventQueryValue) {
      const a = authorize(actor, eventsPolicy, 'events.read');
      const from = query.from ?? (query.year ? `${query.year}-01-01` : undefined);
      const to = query.to ?? (query.year ? `${query.year}-12-31` : undefined);
      let rows = await repo.listEvents(db, { agencyId: a.agencyId, from, to, kind: query.kind, unitId: query.unitId, areaId: query.areaId });
      if (query.taskId) rows = rows.filter((r) => (JSON.parse(r.task_ids) as string[]).includes(query.taskId!));
      return views(a.agencyId, rows);
    },

    async get(actor: Actor | undefined, id: string) {
      const row = await repo.findEvent(db, id);
      const a = authorize(actor, eventsPolicy, 'events.read', row);
      return (await views(a.agencyId, [row!]))[0]!;
    },

    async create(actor: Actor | undefined, input: EventInputValue) {
      const a = authorize(actor, eventsPolicy, 'events.write');
      return createAs(a, a.agencyId, input, unitFor(a, input.unitId) ?? null);
    },

    async update(actor: Actor | undefined, id: string, input: EventInputValue) {
      const before = await repo.findEvent(db, id);
      const a = authorize(actor, eventsPolicy, 'events.write', before);
      const fields = await check(a.agencyId, input, unitFor(a, input.unitId, before) ?? null, a);
      const write = await evidenceWrite(a.agencyId, id, fields);
      await database.transaction(async (trx) => {
        await repo.updateEvent(trx, a.agencyId, id, { ...fields, updated_at: nowIso() });
        let evidenceId: string | null = null;
        if (write) {
          evidenceId = await write(trx);
          await syncEvidenceFiles(trx, a.agencyId, id);
        }
        // Tasks unlinked: the evidence stays listed as withdrawn and stops counting.
        else await withdrawIn(trx, a.agencyId, id, 'Sự kiện không còn gắn với nhiệm vụ nào.');
        await audit.record(trx, a, { action: 'update', entity: 'outreach_event', entityId: id, before, after: { ...fields, evidenceId } });
      });
      return (await views(a.agencyId, [(await repo.findEvent(db, id))!]))[0]!;
    },

    async remove(actor: Actor | undefined, id: string) {
      const before = await repo.findEvent(db, id);
      const a = authorize(actor, eventsPolicy, 'events.write', before);
      unitFor(a, undefined, before);
      await database.transaction(async (trx) => {
        await withdrawIn(trx, a.agencyId, id, `Sự kiện "${before!.title}" đã bị xoá.`);
        await repo.deleteEvent(trx, a.agencyId, id);
        await audit.record(trx, a, { action: 'delete', entity: 'outreach_event', entityId: id, before });
      });
    },

    syncEvidenceFiles,

    /** For the materials part: the event row after the access check for a change. */
    async forChange(actor: Actor | undefined, id: string) {
      const row = await repo.findEvent(db, id);
      const a = authorize(actor, eventsPolicy, 'events.write', row);
      unitFor(a, undefined, row);
      return { a, row: row! };
    },

    /** Demo seed only: whether the agency already has events. */
    async hasEvents(agencyId: string) {
      return (await repo.countEvents(db, agencyId)) > 0;
    },
  };
}
