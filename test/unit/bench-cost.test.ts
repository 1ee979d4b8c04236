import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { differences, type BenchFigures } from '../../dev/bench/figures';
import { costOf, issuesReturned } from '../../dev/emulator/cost';
import type { CallRecord } from '../../dev/emulator/faults';

const call = (at: number, ms: number, issues = 0): CallRecord => ({
  at,
  ms,
  issues,
  method: 'POST',
  path: '/rest/api/3/search/jql',
  accountId: 'acc-carol',
  asApp: false,
  status: 200,
});

describe('bench cost: points and rounds from the call log', () => {
  it('charges 1 point per request and 1 per issue returned', () => {
    const cost = costOf([call(0, 100, 1000), call(0, 100, 0), call(0, 100, 5)]);
    assert.deepEqual(cost, { calls: 3, points: 3 + 1005, issues: 1005, rounds: 1 });
  });
  it('counts overlapping calls as one round and a call after another ended as the next', () => {
    // Three at once, then a page that needed the first one's token, then one more after that.
    const log = [call(0, 100), call(1, 100), call(2, 150), call(101, 100), call(205, 100)];
    assert.equal(costOf(log).rounds, 3);
    assert.equal(costOf([]).rounds, 0);
  });
  it('counts the issues of a search page or of one issue read alone', () => {
    assert.equal(issuesReturned({ issues: [{}, {}], isLast: true }), 2);
    assert.equal(issuesReturned({ key: 'OPS-1', fields: {} }), 1);
    assert.equal(issuesReturned({ count: 40 }), 0);
  });
});

describe('bench figures: the app and the baseline must agree', () => {
  const figures: BenchFigures = {
    headline: { incidents: 3, completion: 0.5, onTime: null, repeatRate: 0, repeatsWhileOpen: 0, overdue: 1 },
    byPriority: [1, 0, null],
    rolling: [null, null, 0],
    trend: [],
    categories: [{ name: 'Capacity', incidents: 2, repeats: 1, sloBudgetPct: 3, revenue: 0 }],
    services: [],
    chains: [['OPS-1', 'OPS-5']],
    themes: [],
    parkingIdeas: [],
  };
  it('finds nothing to report when every figure is the same', () => {
    assert.deepEqual(differences(figures, structuredClone(figures), 'baseline'), []);
  });
  it('names each figure that differs, with both values', () => {
    const other = structuredClone(figures);
    other.headline.overdue = 2;
    other.categories[0]!.repeats = 0;
    assert.deepEqual(differences(figures, other, 'baseline'), [
      'figures.headline.overdue: app 1 vs baseline 2',
      'figures.categories: app [{"name":"Capacity","incidents":2,"repeats":1,"sloBudgetPct":3,"revenue":0}] vs baseline [{"name":"Capacity","incidents":2,"repeats":0,"sloBudgetPct":3,"revenue":0}]',
    ]);
  });
});
