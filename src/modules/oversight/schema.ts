import { Type } from 'typebox';

/** API shapes of the overseer's province view (/api/oversight/…). */

const Id = Type.String({ maxLength: 64 });
const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'Tỉ lệ 0–1; null khi chưa có gì đến hạn' });
const Rank = Type.Union([Type.Integer(), Type.Null()]);

export const YearQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });
export const RollupQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), format: Type.Union([Type.Literal('docx'), Type.Literal('xlsx')]) }, { additionalProperties: false });
export const FormatQuery = Type.Object({ format: Type.Union([Type.Literal('docx'), Type.Literal('xlsx')]) }, { additionalProperties: false });
export const AgencyParams = Type.Object({ id: Id });
export const AgencyPlanParams = Type.Object({ id: Id, planId: Id });
export const AgencyPeriodParams = Type.Object({ id: Id, periodId: Id });

const PlanRef = Type.Object({ id: Type.String(), title: Type.String(), numberText: Type.Union([Type.String(), Type.Null()]), status: Type.String() });

const AgencyRowFields = {
  agencyId: Type.String(),
  name: Type.String(),
  isDemo: Type.Boolean(),
  plan: Type.Union([PlanRef, Type.Null()], { description: 'Kế hoạch năm đã phê duyệt (null: chưa có)' }),
  completionRate: Rate,
  tasksDue: Type.Integer(),
  tasksDoneOnTime: Type.Integer(),
  reportsDue: Type.Integer(),
  reportsOnTime: Type.Integer(),
  reportsLate: Type.Integer(),
  reportsMissing: Type.Integer(),
  onTimeRate: Rate,
};

const LateReportFields = {
  periodId: Type.String(),
  periodLabel: Type.String(),
  unitName: Type.Union([Type.String(), Type.Null()], { description: 'null: báo cáo tổng hợp của cơ quan' }),
  reason: Type.Union([Type.Literal('late'), Type.Literal('missing')]),
  due: Type.String(),
  submittedAt: Type.Union([Type.String(), Type.Null()]),
};

export const ProvinceView = Type.Object({
  provinceCode: Type.Union([Type.String(), Type.Null()]),
  provinceName: Type.Union([Type.String(), Type.Null()]),
  year: Type.Integer(),
  asOf: Type.String(),
  agencies: Type.Array(Type.Object({ ...AgencyRowFields, completionRank: Rank, onTimeRank: Rank })),
  lateReports: Type.Array(Type.Object({ ...LateReportFields, agencyId: Type.String(), agencyName: Type.String() })),
});

const PeriodReportsView = Type.Object({
  period: Type.Object({ id: Type.String(), label: Type.String(), code: Type.String(), startDate: Type.String(), endDate: Type.String(), submitDue: Type.String(), lockDate: Type.String(), status: Type.String() }),
  reports: Type.Array(Type.Object({ unitId: Type.String(), unitName: Type.String(), status: Type.String(), statusLabel: Type.String(), late: Type.Boolean(), submittedAt: Type.Union([Type.String(), Type.Null()]) })),
  consolidated: Type.Union([Type.Object({ numberText: Type.String(), signDate: Type.String() }), Type.Null()]),
});

export const AgencyView = Type.Object({
  ...AgencyRowFields,
  year: Type.Integer(),
  asOf: Type.String(),
  lateReports: Type.Array(Type.Object(LateReportFields)),
  plans: Type.Array(Type.Object({ id: Type.String(), year: Type.Integer(), title: Type.String(), numberText: Type.Union([Type.String(), Type.Null()]), status: Type.String() })),
  periods: Type.Array(PeriodReportsView),
});
