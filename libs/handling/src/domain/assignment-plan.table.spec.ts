import { AssignmentRole } from '@dafu/platform/vocabulary';
import { type AssignmentPlanProblem, checkAssignmentPlan, type LiveAssignment } from './assignment-plan';

const { Lead, Co, Separate } = AssignmentRole;
const a = (bureauId: string, role: AssignmentRole) => ({ bureauId, role });
const LEAD_EXISTS: AssignmentPlanProblem = { kind: 'lead_exists' };
const LEAD_REQUIRED: AssignmentPlanProblem = { kind: 'lead_required' };
const repeated = (...bureauIds: string[]): AssignmentPlanProblem => ({ kind: 'bureau_repeated', bureauIds });

describe('checkAssignmentPlan', () => {
  it.each<[string, ReturnType<typeof a>[], LiveAssignment[], AssignmentPlanProblem | null]>([
    // accepted plans
    ['a lead alone', [a('b1', Lead)], [], null],
    ['a lead with one co bureau', [a('b1', Lead), a('b2', Co)], [], null],
    ['a lead with co bureaus', [a('b1', Lead), a('b2', Co), a('b3', Co)], [], null],
    ['co bureaus listed before their lead', [a('b2', Co), a('b3', Co), a('b1', Lead)], [], null],
    ['a separate bureau alone', [a('b1', Separate)], [], null],
    ['separate bureaus only', [a('b1', Separate), a('b2', Separate), a('b3', Separate)], [], null],
    ['a co bureau beside a live lead', [a('b2', Co)], [a('b1', Lead)], null],
    ['co bureaus beside a live lead and its co bureau', [a('b3', Co), a('b4', Co)], [a('b1', Lead), a('b2', Co)], null],
    ['a lead after separate bureaus', [a('b2', Lead)], [a('b1', Separate)], null],
    ['a separate bureau beside a live lead', [a('b2', Separate)], [a('b1', Lead)], null],
    ['a lead and a separate bureau together', [a('b1', Lead), a('b2', Separate)], [], null],
    ['a lead with co bureaus beside live separate ones', [a('b2', Lead), a('b3', Co)], [a('b1', Separate)], null],
    // lead required
    ['a co bureau without any lead', [a('b2', Co)], [], LEAD_REQUIRED],
    ['co bureaus without any lead', [a('b2', Co), a('b3', Co)], [], LEAD_REQUIRED],
    ['a co bureau beside separate ones only', [a('b2', Co)], [a('b1', Separate)], LEAD_REQUIRED],
    ['a co bureau and a separate one, no lead', [a('b1', Separate), a('b2', Co)], [], LEAD_REQUIRED],
    ['a co bureau beside live co bureaus only', [a('b3', Co)], [a('b2', Co)], LEAD_REQUIRED],
    // lead exists
    ['two leads at once', [a('b1', Lead), a('b2', Lead)], [], LEAD_EXISTS],
    ['two leads with a co bureau', [a('b1', Lead), a('b2', Lead), a('b3', Co)], [], LEAD_EXISTS],
    ['a lead when one is live', [a('b2', Lead)], [a('b1', Lead)], LEAD_EXISTS],
    ['a lead and co bureau when a lead is live', [a('b2', Lead), a('b3', Co)], [a('b1', Lead)], LEAD_EXISTS],
    // bureau repeated
    ['a bureau twice in the plan, lead and co', [a('b1', Lead), a('b1', Co)], [], repeated('b1')],
    ['a bureau twice as separate', [a('b1', Separate), a('b1', Separate)], [], repeated('b1')],
    ['a bureau three times', [a('b1', Lead), a('b1', Co), a('b1', Co)], [], repeated('b1')],
    ['two bureaus twice each', [a('b1', Lead), a('b2', Co), a('b1', Co), a('b2', Co)], [], repeated('b1', 'b2')],
    ['a bureau already assigned as lead', [a('b1', Co), a('b2', Co)], [a('b1', Lead)], repeated('b1')],
    ['a bureau already assigned as co', [a('b2', Co)], [a('b1', Lead), a('b2', Co)], repeated('b2')],
    ['the live lead planned as lead again', [a('b1', Lead)], [a('b1', Lead)], repeated('b1')],
    [
      'repeats both within the plan and against live ones',
      [a('b3', Co), a('b2', Co), a('b3', Co)],
      [a('b1', Lead), a('b2', Co)],
      repeated('b2', 'b3'),
    ],
    // a repeated bureau is named before the lead problems it may also cause
    ['a repeated bureau that is also a second lead', [a('b1', Lead), a('b1', Lead)], [], repeated('b1')],
    ['a repeated co bureau with no lead anywhere', [a('b2', Co), a('b2', Co)], [], repeated('b2')],
  ])('%s', (_name, planned, live, expected) => {
    expect(checkAssignmentPlan(planned, live)).toEqual(expected);
  });

  it('does not change the lists it is given', () => {
    const planned = [a('b1', Lead), a('b1', Co)];
    const live = [a('b2', Separate)];
    checkAssignmentPlan(planned, live);
    expect(planned).toEqual([a('b1', Lead), a('b1', Co)]);
    expect(live).toEqual([a('b2', Separate)]);
  });

  it('gives the same answer when called twice', () => {
    const planned = [a('b2', Co)];
    const live = [a('b1', Lead)];
    expect(checkAssignmentPlan(planned, live)).toBeNull();
    expect(checkAssignmentPlan(planned, live)).toBeNull();
  });
});
