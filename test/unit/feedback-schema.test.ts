import { describe, expect, it } from 'vitest';
import { Detail } from '../../src/modules/feedback/schema.ts';
import { ACTIONS, FEEDBACK_STATUSES } from '../../src/modules/feedback/workflow.ts';

/** The schema spells the literals out (for static types); this keeps them in step with the workflow. */
describe('feedback API schema', () => {
  it('names exactly the workflow\'s statuses and steps', () => {
    const literals = (union: unknown) => (union as { anyOf: { const: string }[] }).anyOf.map((l) => l.const).sort();
    expect(literals(Detail.properties.status)).toEqual([...FEEDBACK_STATUSES].sort());
    expect(literals(Detail.properties.actions.items)).toEqual(Object.keys(ACTIONS).sort());
  });
});
