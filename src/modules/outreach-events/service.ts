import { authorize, type Actor } from '../../platform/access.ts';
import { createAreas } from './areas.ts';
import { createAudiences, ensureAudiences } from './audiences.ts';
import type { EventsDeps } from './deps.ts';
import { createEvents } from './events.ts';
import { writeEventsXlsx } from './export.ts';
import { createMaterials } from './materials.ts';
import { eventsPolicy } from './policy.ts';
import type { EventQueryValue } from './schema.ts';
import { AREA_LEVELS, EVENT_KINDS, MATERIAL_ROLES } from './vocabulary.ts';

/**
 * Outreach events (conferences, trainings, contests, broadcasts, …): recorded with place,
 * audiences and participants, counted as evidence on the plan's tasks; the administrative areas
 * they take place in; the filtered list as XLSX.
 */
export function createEventsService(deps: EventsDeps) {
  const events = createEvents(deps);
  const { database, org, plans } = deps;

  return {
    list: events.list,
    get: events.get,
    create: events.create,
    update: events.update,
    remove: events.remove,
    materials: createMaterials(deps, events),
    areas: createAreas(deps),
    audiences: createAudiences(deps),

    async vocabulary(actor: Actor | undefined) {
      const a = authorize(actor, eventsPolicy, 'events.read');
      const entries = <T extends Record<string, string | { label: string }>>(o: T) => Object.entries(o).map(([code, v]) => ({ code, label: typeof v === 'string' ? v : v.label }));
      return { kinds: entries(EVENT_KINDS), audiences: await ensureAudiences(database, a.agencyId), materialRoles: entries(MATERIAL_ROLES), levels: entries(AREA_LEVELS) };
    },

    /** The list as filtered in the admin, as an XLSX file. */
    async exportXlsx(actor: Actor | undefined, query: EventQueryValue) {
      const a = authorize(actor, eventsPolicy, 'events.read');
      const list = await events.list(a, query);
      const [{ units }, audiences] = await Promise.all([org.unitDirectory(a.agencyId), ensureAudiences(database, a.agencyId)]);
      const tasks = new Map<string, string>();
      for (const planId of new Set(list.map((e) => e.planId).filter((p): p is string => p !== null))) {
        for (const t of (await plans.planTasks(a.agencyId, planId))?.tasks ?? []) tasks.set(t.id, t.code ? `${t.code}. ${t.content}` : t.content);
      }
      const unitNames = new Map(units.map((u) => [u.id, u.shortName || u.name]));
      const audienceNames = new Map(audiences.map((x) => [x.code, x.label]));
      const period = query.year ? ` năm ${query.year}` : '';
      const bytes = await writeEventsXlsx(list, {
        unitName: (id) => (id ? (unitNames.get(id) ?? '') : ''),
        audienceName: (code) => audienceNames.get(code) ?? code,
        taskName: (id) => tasks.get(id) ?? '',
      }, `Danh sách hội nghị, tập huấn, hội thi và hoạt động tuyên truyền${period}`);
      return { name: `Su-kien-tuyen-truyen${query.year ? `-${query.year}` : ''}.xlsx`, bytes };
    },

    /** Demo seed only (demo.ts). */
    createAs: events.createAs,
    hasEvents: events.hasEvents,
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
