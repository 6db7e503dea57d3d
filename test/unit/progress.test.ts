import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionRate, taskProgress } from '../../src/modules/evidence/progress.ts';

const day = fc.integer({ min: 0, max: 365 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const evidence = fc.array(fc.record({ date: day, quantities: fc.record({ articles: fc.integer({ min: 0, max: 5 }) }) }), { maxLength: 20 });

describe('task progress', () => {
  it('achieved is the sum of evidence up to the day; done exactly when every target is met', () => {
    fc.assert(
      fc.property(evidence, day, day, fc.integer({ min: 1, max: 20 }), (ev, asOf, dueEnd, target) => {
        const p = taskProgress({ id: 't', dueEnd, targets: [{ measure: 'articles', quantity: target }] }, ev, asOf);
        const sum = ev.filter((e) => e.date <= asOf).reduce((s, e) => s + e.quantities.articles, 0);
        expect(p.achieved.articles ?? 0).toBe(sum);
        expect(p.status === 'done').toBe(sum >= target);
        if (p.status !== 'done' && dueEnd < asOf) expect(p.status).toBe('overdue');
        if (p.doneOn) expect(p.doneOn <= asOf).toBe(true);
        expect(p.doneOnTime).toBe(p.doneOn !== null && p.doneOn <= dueEnd);
      }),
    );
  });

  it('a task without targets and without evidence is never done', () => {
    fc.assert(
      fc.property(day, day, (asOf, dueEnd) => {
        const p = taskProgress({ id: 't', dueEnd, targets: [] }, [], asOf);
        expect(p.status).not.toBe('done');
        expect(p.status).not.toBe('in_progress');
      }),
    );
  });

  it('a year-long task with evidence is in progress during the year and done at its end', () => {
    const ev = [{ date: '2024-03-01', quantities: { articles: 1 } }];
    expect(taskProgress({ id: 't', dueEnd: '2024-12-31', targets: [] }, ev, '2024-06-01').status).toBe('in_progress');
    expect(taskProgress({ id: 't', dueEnd: '2024-12-31', targets: [] }, ev, '2024-12-31')).toMatchObject({ status: 'done', doneOnTime: true });
  });

  it('completion rate counts only tasks due, done by their deadline', () => {
    const done = taskProgress({ id: 'a', dueEnd: '2024-02-29', targets: [] }, [{ date: '2024-02-10', quantities: {} }], '2024-04-01');
    const late = taskProgress({ id: 'b', dueEnd: '2024-02-29', targets: [{ measure: 'articles', quantity: 1 }] }, [{ date: '2024-03-10', quantities: { articles: 1 } }], '2024-04-01');
    const notDue = taskProgress({ id: 'c', dueEnd: '2024-12-31', targets: [] }, [], '2024-04-01');
    expect(completionRate([done, late, notDue])).toBe(0.5);
    expect(completionRate([notDue])).toBeNull();
  });
});
