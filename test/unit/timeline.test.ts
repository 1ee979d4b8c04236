import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { milestonesOutOfOrder, timelineFigures } from '../../src/domain/timeline';
import { emptyPostMortem } from '../../src/shared/postmortem';

const timeline = () => ({
  ...emptyPostMortem().timeline,
  alertAt: '2026-03-01T14:00Z',
  acknowledgedAt: '2026-03-01T14:07Z',
  rootCauseAt: '2026-03-01T14:40Z',
  fixDeployedAt: '2026-03-01T15:10Z',
  recoveredAt: '2026-03-01T15:25Z',
  allClearAt: '2026-03-01T16:00Z',
});

describe('timeline figures', () => {
  it('derives each figure from the first alert', () => {
    assert.deepEqual(timelineFigures(timeline()), {
      timeToAcknowledgeMinutes: 7,
      timeToIdentifyMinutes: 40,
      timeToFixMinutes: 70,
      timeToRecoverMinutes: 85,
      totalDurationMinutes: 120,
    });
  });
  it('leaves a figure empty when a milestone is missing, and falls back to recovery for the total', () => {
    const t = { ...timeline(), acknowledgedAt: null, allClearAt: null };
    const f = timelineFigures(t);
    assert.equal(f.timeToAcknowledgeMinutes, null);
    assert.equal(f.totalDurationMinutes, 85);
  });
  it('flags milestones out of order', () => {
    const t = { ...timeline(), fixDeployedAt: '2026-03-01T14:30Z' };
    const problems = milestonesOutOfOrder(t);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.milestone, 'fixDeployedAt');
    assert.match(problems[0]?.message ?? '', /Fix deployed is earlier than root cause identified/);
    assert.deepEqual(milestonesOutOfOrder(timeline()), []);
  });
});
