import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, withQuery } from '../../api';
import { useCan, useMe } from '../../auth/me-context';
import { Page } from '../../components/page';
import { useAction } from '../../hooks/use-action';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { usePlanChoice } from '../../hooks/use-plan-choice';
import { usePlanTasks } from '../../hooks/use-plan-tasks';
import { useUnits } from '../../hooks/use-units';
import { AudiencesModal } from './audiences-modal';
import { EventCalendar } from './event-calendar';
import { EventFilesModal } from './event-files-modal';
import { EventFilters, type EventFilter } from './event-filters';
import { EventFormModal } from './event-form-modal';
import { EventTable } from './event-table';
import type { Area, OutreachEvent } from './event-types';
import { useEventsVocabulary } from './use-events-vocabulary';
import './events.css';

/**
 * Conferences, trainings, contests and other direct outreach: the year's list (filtered, exported
 * to XLSX) and its month calendar; recording an event on plan tasks makes it evidence.
 */
export function EventsPage() {
  const me = useMe();
  const canWrite = useCan('events.write');
  const canConfigure = useCan('events.areas');
  const anyUnit = useCan('events.any_unit');
  const vocabulary = useEventsVocabulary();
  const { units, unitName } = useUnits();
  const { plans, plan } = usePlanChoice();
  const { tasks, taskName } = usePlanTasks(plan?.id);
  // Until the user picks a year, the year of the plan in force (the seed plan's 2024 on a demo).
  const [picked, setFilter] = useState<EventFilter>();
  const filter = picked ?? { year: plan?.year ?? new Date().getFullYear() };
  const year = filter.year;
  const [pickedMonth, setMonth] = useState<Dayjs>();
  const month = pickedMonth ?? dayjs(`${year}-01-01`);
  const query = { year, kind: filter.kind, unitId: filter.unitId, areaId: filter.areaId, taskId: filter.taskId };
  const list = useApiGet<OutreachEvent[]>('/api/events', query);
  const { data: communes } = useApiGet<Area[]>('/api/events/areas', { level: 'commune' });
  const editor = useModalTarget<OutreachEvent | undefined>();
  const files = useModalTarget<OutreachEvent>();
  const audiences = useModalTarget<void>();
  const run = useAction();
  const canChange = (e: OutreachEvent) => canWrite && (anyUnit || e.unitId === me.unit?.id);

  function changeFilter(next: EventFilter) {
    if (next.year !== year) setMonth(undefined);
    setFilter(next);
  }

  async function remove(e: OutreachEvent) {
    if ((await run(() => api.delete(`/api/events/${e.id}`), 'Đã xoá sự kiện')) !== undefined) list.reload();
  }

  const current = files.target ? (list.data ?? []).find((e) => e.id === files.target!.id) ?? files.target : undefined;

  return (
    <Page
      title="Hội nghị, tập huấn"
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={withQuery('/api/events/export', query)} download>
            Xuất Excel
          </Button>
          {canConfigure && <Button onClick={() => audiences.openFor()}>Đối tượng tuyên truyền</Button>}
          {canWrite && (
            <Button type="primary" onClick={() => editor.openFor(undefined)}>
              Ghi sự kiện
            </Button>
          )}
        </Space>
      }
    >
      <Card>
        <EventFilters value={filter} onChange={changeFilter} vocabulary={vocabulary} units={units} communes={communes ?? []} tasks={tasks} />
        <Tabs
          items={[
            {
              key: 'list',
              label: 'Danh sách',
              children: (
                <EventTable
                  rows={list.data ?? []}
                  loading={list.loading}
                  failed={list.failed}
                  vocabulary={vocabulary}
                  unitName={unitName}
                  taskName={taskName}
                  canChange={canChange}
                  onEdit={(e) => editor.openFor(e)}
                  onFiles={(e) => files.openFor(e)}
                  onDelete={(e) => void remove(e)}
                />
              ),
            },
            {
              key: 'calendar',
              label: 'Lịch tháng',
              children: <EventCalendar year={year} rows={list.data ?? []} month={month} onMonth={setMonth} onOpen={(e) => (canChange(e) ? editor.openFor(e) : files.openFor(e))} />,
            },
          ]}
        />
      </Card>
      <EventFormModal
        open={editor.open}
        event={editor.target}
        plans={plans}
        defaultPlanId={plan?.id}
        units={units}
        vocabulary={vocabulary}
        onClose={editor.close}
        onSaved={list.reload}
      />
      <AudiencesModal open={audiences.open} audiences={vocabulary.audiences} onClose={audiences.close} onSaved={vocabulary.reload} />
      <EventFilesModal event={current} open={files.open} canChange={current ? canChange(current) : false} vocabulary={vocabulary} onClose={files.close} onChanged={list.reload} />
    </Page>
  );
}
