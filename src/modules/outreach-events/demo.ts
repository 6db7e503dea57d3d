import { systemReader } from '../../platform/access.ts';
import type { OrgService } from '../org/service.ts';
import type { PlansService } from '../plans/service.ts';
import type { EventInputValue } from './schema.ts';
import type { EventsService } from './service.ts';
import type { EventKind } from './vocabulary.ts';

/** What each demo month holds: kind, title, audiences; participants vary deterministically. */
const MONTHLY: { kind: EventKind; title: string; audiences: string[] }[] = [
  { kind: 'conference', title: 'Hội nghị tuyên truyền CCHC cho đồng bào dân tộc thiểu số', audiences: ['ethnic_communities'] },
  { kind: 'training', title: 'Tập huấn cho người có uy tín về thủ tục hành chính, dịch vụ công trực tuyến', audiences: ['prestigious_people', 'ethnic_communities'] },
  { kind: 'field_visit', title: 'Tuyên truyền trực tiếp tại thôn, bản về CCHC', audiences: ['ethnic_communities', 'commune_officials'] },
  { kind: 'broadcast', title: 'Phát thanh nội dung CCHC trên loa truyền thanh xã', audiences: ['ethnic_communities'] },
];

/**
 * A year of demo events (titles and communes marked "mẫu") across the demo mountainous
 * communes, linked to the seed plan's B.2 tasks (conferences and trainings; the contest).
 * Nothing here is a real event of the agency. Returns the events written.
 */
export async function seedDemoEvents(deps: { events: EventsService; plans: PlansService; org: OrgService }, agencyId: string, planId: string): Promise<number> {
  await deps.events.areas.seedDemo(agencyId);
  if (await deps.events.hasEvents(agencyId)) return 0;
  const plan = await deps.plans.planTasks(agencyId, planId);
  if (!plan) return 0;
  const b2 = plan.tasks.filter((t) => t.kind === 'task' && t.groupCode === 'B.2');
  if (b2.length === 0) return 0;
  const areas = (await deps.events.areas.list(systemReader(agencyId), { on: `${plan.year}-06-01`, level: 'commune' })).filter((a) => a.isDemo);
  if (areas.length === 0) return 0;
  const { units } = await deps.org.unitDirectory(agencyId);
  const coordinator = units.find((u) => u.isCoordinator)?.id ?? null;
  const conferenceTask = b2[0]!;
  const contestTask = b2.find((t) => t.productKinds.includes('contest') || /hội thi/i.test(t.content)) ?? b2[b2.length - 1]!;
  const day = (month: number, d: number) => `${plan.year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const by = { system: 'demo', agencyId };
  let count = 0;
  const add = async (input: EventInputValue, unitId: string | null) => {
    await deps.events.createAs(by, agencyId, input, unitId, { isDemo: true });
    count += 1;
  };
  for (let month = 1; month <= 12; month++) {
    // Tết (February) has no events.
    if (month === 2) continue;
    const shape = MONTHLY[month % MONTHLY.length]!;
    const area = areas[month % areas.length]!;
    const total = shape.kind === 'broadcast' ? 0 : 60 + ((month * 37) % 90);
    const start = day(month, 8 + (month % 12));
    await add({
      kind: shape.kind, title: `${shape.title} (mẫu)`, startDate: start, endDate: start, areaId: area.id, address: 'Nhà văn hoá thôn (mẫu)', audiences: shape.audiences,
      participantsTotal: total, participantsWomen: Math.floor(total * 0.45), participantsEthnic: Math.floor(total * 0.8),
      contentItems: ['Chủ trương, chính sách về CCHC', 'Thủ tục hành chính, dịch vụ công trực tuyến'], planId, taskIds: [conferenceTask.id], note: 'Dữ liệu mẫu để dùng thử, không phải kết quả thật.',
    }, conferenceTask.lead.unitId ?? coordinator);
  }
  const area = areas[0]!;
  await add({
    kind: 'contest', title: 'Hội thi tìm hiểu pháp luật về công tác dân tộc có lồng ghép CCHC (mẫu)', startDate: day(8, 22), endDate: day(8, 23), areaId: area.id, address: 'Hội trường xã (mẫu)',
    audiences: ['ethnic_communities', 'students'], participantsTotal: 180, participantsWomen: 95, participantsEthnic: 150, contentItems: ['Pháp luật về công tác dân tộc'], planId, taskIds: [contestTask.id],
    note: 'Dữ liệu mẫu để dùng thử, không phải kết quả thật.',
  }, contestTask.lead.unitId ?? coordinator);
  return count;
}
