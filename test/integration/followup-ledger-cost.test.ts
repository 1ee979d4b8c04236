import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { costOf } from '../../dev/emulator/cost';
import { followUpReport } from '../../src/services/follow-up-report';
import { keepFollowUpLedgers } from '../../src/services/follow-up-ledger-job';
import { cardFigures, holdOracle, transitionTo } from '../support/hold-oracle';
import { startTestJira, TEST_NOW, type TestJira } from '../support/jira';
import { metered, rounds } from '../support/metered';

/**
 * Issue #11's follow-up card where reading the project would cost thousands of points a view: 3,000 incidents over
 * five years with 9,000 action tickets, Jira's own page sizes. Costs come from the emulator's call log.
 */
let jira: TestJira;
before(async () => {
  jira = await startTestJira({
    seed: { incidents: 3_000, actionsPerIncident: 3, spanDays: 5 * 365 },
    maxPageSize: null,
  });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const P = 'OPS';
async function measuredView() {
  jira.emulator.calls.length = 0;
  // Points from the emulator's log; rounds as the app waited for them (the in-process emulator answers one at a time).
  const m = metered(jira.platform.asUser('acc-carol'));
  const rep = await followUpReport(m.transport, jira.kvs, P, TEST_NOW);
  const cost = { ...costOf(jira.emulator.calls), rounds: rounds(m.calls) };
  return { rep, cost, log: jira.emulator.calls.map((c) => `${c.method} ${c.path} (${c.issues ?? 0})`).join('\n') };
}

describe('the follow-up card at 3,000 incidents and 9,000 action tickets (issue #11)', () => {
  it('without a ledger, says the figures are being prepared, after one round of counts', async () => {
    const { rep, cost, log } = await measuredView();
    assert.deepEqual(rep.status, { kind: 'preparing', reason: 'building' });
    assert.deepEqual(rep.held, { count: 0, tested: 0, rate: null });
    assert.ok(cost.calls <= 3 && cost.points <= 3, log);
    assert.equal(cost.rounds, 1, log);
  });

  it('with the ledger, one round of a few calls and points, and the figures of the definition', async () => {
    const run = await keepFollowUpLedgers(jira.platform.asApp(), jira.kvs, () => TEST_NOW, {
      ok: () => true,
      remainingMs: () => 60_000,
      exhausted: () => false,
    });
    assert.equal(run.status, 'done');
    const { rep, cost, log } = await measuredView();
    assert.equal(rep.status.kind, 'ledger');
    assert.deepEqual(cardFigures(rep), holdOracle(jira.emulator.store, P, TEST_NOW));
    assert.ok(cost.calls <= 8 && cost.points <= 20, `${cost.calls} calls, ${cost.points} points:\n${log}`);
    assert.equal(cost.rounds, 1, log);
  });

  it('a ticket done since the sync costs a point more, and shows', async () => {
    const store = jira.emulator.store;
    const open = [...store.issues.values()].find(
      (i) => i.properties.postmortemAction && store.statuses.get(i.statusId)?.category !== 'done',
    );
    await transitionTo(jira, open?.key ?? '', 'done');
    const { rep, cost, log } = await measuredView();
    assert.equal(rep.status.kind, 'ledger');
    assert.deepEqual(cardFigures(rep), holdOracle(store, P, TEST_NOW));
    assert.ok(cost.points <= 21, `${cost.points} points:\n${log}`);
    assert.equal(cost.rounds, 1, log);
  });
});
