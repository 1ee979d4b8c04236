import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdFigures, type HoldAction, type HoldIncident } from '../../src/domain/hold';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const ago = (days: number) => new Date(NOW - days * 86_400_000).toISOString();
const inc = (key: string, repeatOf: string | null = null, repeatWhileOpen: 0 | 1 = 0): HoldIncident => ({
  key,
  repeatOf,
  repeatWhileOpen,
});
const done = (incident: string, daysAgo: number): HoldAction => ({ incident, done: true, resolved: ago(daysAgo) });
const open = (incident: string): HoldAction => ({ incident, done: false, resolved: null });

/**
 * A dataset with known answers (holdDays 30):
 *  two actions done 40 and 35 days ago, never repeated            -> held
 *  actions done 50 days ago, repeated by A-5 (confirmed all done)   -> fixed but recurred, tested, not held
 *  one action still open, repeated by A-6 (while open)              -> late follow-up, not tested
 *  actions done 10 days ago, no repeat                              -> period not over: not tested yet
 *  no actions, repeated by A-8                                      -> neither lesson, not tested
 *  done 31 days ago, repeated by A-10 while still open              -> late follow-up; tested (period over), not held
 */
const incidents = [
  inc('A-1'),
  inc('A-2'),
  inc('A-3'),
  inc('A-4'),
  inc('A-5', 'A-2', 0),
  inc('A-6', 'A-3', 1),
  inc('A-7'),
  inc('A-8', 'A-7', 0),
  inc('A-9'),
  inc('A-10', 'A-9', 1),
];
const actions = [
  done('A-1', 40),
  done('A-1', 35),
  done('A-2', 50),
  open('A-3'),
  done('A-3', 60),
  done('A-4', 10),
  done('A-9', 31),
];

describe('did the action hold', () => {
  const f = holdFigures(incidents, actions, NOW, 30);
  it('lists "fixed but recurred" only where every earlier action was done', () => {
    assert.deepEqual(f.fixedButRecurred, [{ incident: 'A-5', earlier: 'A-2' }]);
  });
  it('counts repeats while actions were open as late follow-up', () => {
    assert.equal(f.lateFollowUp, 2);
  });
  it('counts as held only incidents past the no-recurrence period with everything done and no repeat', () => {
    assert.deepEqual(f.held, ['A-1']);
    assert.equal(f.tested, 3);
    assert.equal(f.heldRate, 1 / 3);
  });
  it('a longer period leaves more untested; with nothing tested the rate is null', () => {
    const g = holdFigures(incidents, actions, NOW, 45);
    assert.deepEqual(g.held, []); // A-1's last action was done 35 days ago
    assert.equal(g.tested, 1); // only A-2, by its repeat
    assert.equal(holdFigures([inc('B-1')], [], NOW, 30).heldRate, null);
  });
});
