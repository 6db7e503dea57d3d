import type { Database } from '../../db/database.ts';
import { systemReader } from '../../platform/access.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import { formatDateVi, TIME_ZONE, todayVi } from '../../platform/vi-text.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { OrgService } from '../org/service.ts';
import type { PlansService } from '../plans/service.ts';
import type { ReportingService } from '../reporting/service.ts';
import type { Notice, NotificationsService } from './service.ts';

/** Days before a deadline when the responsible units hear about it; then once when overdue. */
export const REMINDER_DAYS = [7, 3, 1] as const;

export interface ReminderDeps {
  database: Database;
  org: OrgService;
  plans: PlansService;
  evidence: EvidenceService;
  reporting: ReportingService;
  notifications: NotificationsService;
  jobs: JobQueue;
  mailer: Mailer;
  publicUrl: string;
}

/**
 * A deadline another module owns (feedback handling, …), reminded like a task's: 7, 3 and 1 days
 * before and once when overdue, to the users of `unitIds` who hold one of `roles`.
 */
export interface DeadlineItem {
  /** Unique per thing and deadline; the stage is appended, so each reminder goes out once. */
  key: string;
  due: string;
  unitIds: string[];
  roles: readonly string[];
  /** What is due, e.g. "Phản ánh PA-2026-K7M3XQ9"; the stage text follows it in the title. */
  what: string;
  body: string;
  link: string;
  kind: string;
}

export type DeadlineSource = (agencyId: string) => Promise<DeadlineItem[]>;

interface DigestItem {
  title: string;
  body: string;
  link: string | null;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Which reminder stage a deadline is at today: 7, 3 or 1 day(s) before, or overdue; else null. */
export function reminderStage(due: string, today: string): '7' | '3' | '1' | 'overdue' | null {
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  return (REMINDER_DAYS as readonly number[]).includes(left) ? (String(left) as '7' | '3' | '1') : null;
}

/**
 * The daily reminder run: for every agency, tasks of plans being carried out and unit reports
 * of open periods get a notice 7, 3 and 1 days before their deadline and once when overdue.
 * Each reminder is claimed once (reminder_log), and each user gets at most one digest e-mail
 * a day (a queue job with the idempotency key digest:<user>:<day>).
 */
export function createReminders(deps: ReminderDeps) {
  const { org, plans, evidence, reporting, notifications, jobs, mailer } = deps;
  const deadlineSources: DeadlineSource[] = [];

  async function scanAgency(agencyId: string, today: string, digests: Map<string, { email: string; items: DigestItem[] }>) {
    const { units, groups } = await org.unitDirectory(agencyId);
    const unitsOf = (ref: { unitId: string | null; groupId: string | null }) => (ref.unitId ? [ref.unitId] : ref.groupId ? (groups.find((g) => g.id === ref.groupId)?.unitIds ?? []) : []);
    const recipients = async (unitIds: string[], roles: readonly string[]) => (await org.usersOfUnits(agencyId, unitIds)).filter((u) => u.roles.some((r) => roles.includes(r)));

    const send = async (key: string, unitIds: string[], notice: Notice, roles: readonly string[] = ['staff', 'unit_head']) => {
      const users = await recipients(unitIds, roles);
      const toMail = await notifications.remindOnce(agencyId, key, users.map((u) => u.id), notice);
      for (const id of toMail) {
        const u = users.find((x) => x.id === id)!;
        const d = digests.get(id) ?? { email: u.email, items: [] };
        d.items.push({ title: notice.title, body: notice.body, link: notice.link });
        digests.set(id, d);
      }
    };

    for (const planId of await plans.activePlanIds(agencyId)) {
      const progress = await evidence.progress(systemReader(agencyId), planId, today);
      const plan = (await plans.planTasks(agencyId, planId))!;
      for (const t of plan.tasks.filter((x) => x.kind === 'task' && x.due?.end)) {
        const status = progress.tasks.find((p) => p.taskId === t.id)?.status;
        if (status === 'done') continue;
        const stage = reminderStage(t.due!.end!, today);
        if (!stage) continue;
        const when = stage === 'overdue' ? `đã quá hạn (${formatDateVi(t.due!.end!)})` : `còn ${stage} ngày đến hạn (${formatDateVi(t.due!.end!)})`;
        await send(`task:${t.id}:${t.due!.end}:${stage}`, [...unitsOf(t.lead)], {
          kind: stage === 'overdue' ? 'task_overdue' : 'task_due',
          title: `Nhiệm vụ ${when}`,
          body: `${t.content} — chủ trì: ${t.lead.text}; thời hạn: ${t.dueText}.`,
          link: `/admin/plans/${planId}`,
        });
      }
      for (const period of await reporting.periodsToRemind(agencyId, planId)) {
        const stage = reminderStage(period.submitDue, today);
        if (!stage) continue;
        for (const unit of units.filter((u) => u.active)) {
          const report = period.reports.find((r) => r.unitId === unit.id);
          if (report && ['submitted', 'accepted'].includes(report.status)) continue;
          const when = stage === 'overdue' ? `đã quá hạn nộp (${formatDateVi(period.submitDue)})` : `còn ${stage} ngày đến hạn nộp (${formatDateVi(period.submitDue)})`;
          await send(`report:${period.id}:${unit.id}:${stage}`, [unit.id], {
            kind: stage === 'overdue' ? 'report_overdue' : 'report_due',
            title: `Báo cáo ${period.label} ${when}`,
            body: `Báo cáo ${period.label} của ${unit.shortName} chưa được gửi Phòng HC-TH.`,
            link: `/admin/reports`,
          });
        }
      }
    }
    for (const source of deadlineSources) {
      for (const item of await source(agencyId)) {
        const stage = reminderStage(item.due, today);
        if (!stage) continue;
        const when = stage === 'overdue' ? `đã quá hạn (${formatDateVi(item.due)})` : `còn ${stage} ngày đến hạn (${formatDateVi(item.due)})`;
        await send(`${item.key}:${item.due}:${stage}`, item.unitIds, { kind: stage === 'overdue' ? `${item.kind}_overdue` : `${item.kind}_due`, title: `${item.what} ${when}`, body: item.body, link: item.link }, item.roles);
      }
    }
  }

  async function scan(today: string = todayVi()) {
    const digests = new Map<string, { email: string; items: DigestItem[] }>();
    for (const agencyId of await org.agencyIds()) await scanAgency(agencyId, today, digests);
    if (mailer.enabled) {
      for (const [userId, d] of digests) {
        await jobs.enqueue(deps.database.db, { kind: 'mail.digest', agencyId: null, payload: { to: d.email, day: today, items: d.items }, idempotencyKey: `digest:${userId}:${today}` });
      }
    }
    return { users: digests.size, reminders: [...digests.values()].reduce((n, d) => n + d.items.length, 0) };
  }

  return {
    scan,
    /** Adds another module's deadlines to the daily run (wired in src/services.ts). */
    addDeadlineSource(source: DeadlineSource) {
      deadlineSources.push(source);
    },
    /** Registers the jobs and schedules the next daily run (07:00 in Vietnam). */
    register() {
      jobs.register('reminders.scan', async () => {
        await scan();
        await scheduleNext();
      });
      jobs.register('mail.digest', async (payload: { to: string; day: string; items: DigestItem[] }) => {
        await mailer.send(digestMail(payload, deps.publicUrl));
      });
      return scheduleNext();
    },
  };

  async function scheduleNext() {
    const next = nextRunAt(new Date());
    await jobs.enqueue(deps.database.db, { kind: 'reminders.scan', agencyId: null, payload: {}, runAt: next, idempotencyKey: `reminders:${next.toISOString().slice(0, 10)}` });
  }
}

/** The next 07:00 in Vietnam (UTC+7, no daylight saving) after `now`. */
export function nextRunAt(now: Date): Date {
  const vnDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
  const at = new Date(`${vnDay}T07:00:00+07:00`);
  return at > now ? at : new Date(at.getTime() + 86_400_000);
}

export function digestMail(payload: { to: string; day: string; items: DigestItem[] }, publicUrl: string) {
  const lines = payload.items.map((i) => `- ${i.title}\n  ${i.body}${i.link ? `\n  ${publicUrl}${i.link}` : ''}`);
  return {
    to: payload.to,
    subject: `[Minh Bạch] ${payload.items.length} việc cần chú ý ngày ${formatDateVi(payload.day)}`,
    text: `Kính gửi anh/chị,\n\nHệ thống Minh Bạch nhắc các việc sau:\n\n${lines.join('\n\n')}\n\nThư này được gửi tự động mỗi ngày một lần khi có việc cần nhắc. Anh/chị có thể tắt nhắc qua thư trong trang quản trị.`,
  };
}

export type Reminders = ReturnType<typeof createReminders>;
