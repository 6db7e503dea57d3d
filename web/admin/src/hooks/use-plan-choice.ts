import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PlanSummary } from '../plan-types';
import { useApiGet } from './use-api-get';

/** The plan to show by default: the one in force, else the latest year's. */
function defaultPlan(plans: readonly PlanSummary[]): PlanSummary | undefined {
  return plans.find((p) => p.status === 'in_force') ?? [...plans].sort((a, b) => b.year - a.year)[0];
}

/**
 * The plans, and the one picked (kept in the address as `?plan=`, so a reload or a shared link
 * shows the same plan). Until the user picks one, the plan in force.
 */
export function usePlanChoice() {
  const { data: plans, loading, failed } = useApiGet<PlanSummary[]>('/api/plans');
  const [params, setParams] = useSearchParams();
  const asked = params.get('plan');
  const plan = useMemo(() => (plans ? (plans.find((p) => p.id === asked) ?? defaultPlan(plans)) : undefined), [plans, asked]);
  const choose = (planId: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('plan', planId);
      return next;
    });
  return { plans: plans ?? [], plan, choose, loading, failed };
}
