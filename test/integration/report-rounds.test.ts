import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryKvs } from '../../dev/kvs/memory-kvs';
import { reportHeadline, reportScope } from '../../src/services/report';
import { reportZones } from '../../src/services/report-zones';
import type { ReportFilters } from '../../src/shared/report';
import { onInstalled } from '../../src/triggers/install';
import { startTestJira, TEST_NOW, type TestJira } from '../support/jira';
import { metered, rounds, type MeteredCall } from '../support/metered';
import { oracle } from '../support/report-oracle';

/**
 * Issue #11's rounds: the headline of a reader's very first view after one round (the install trigger keeps the
 * site's facts, and a reader's zone is taken to be the site's until Jira says otherwise). Rounds are counted on the
 * call order (test/support/metered).
 */
let jira: TestJira;
before(async () => {
  jira = await startTestJira({ maxPageSize: null, seed: { incidents: 600, actionsPerIncident: 3, spanDays: 400 } });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const filters: ReportFilters = { windowDays: 365, service: null, category: null };
const USER = 'acc-alice';
const explain = (calls: MeteredCall[]) => calls.map((c) => `${c.start}-${c.end} ${c.path.slice(0, 70)}`).join('\n');
const installed = async () => {
  const kvs = new MemoryKvs();
  await onInstalled({ ...jira.platform, kvs });
  return kvs;
};
const headline = async (kvs: MemoryKvs) => {
  const m = metered(jira.platform.asUser(USER));
  const h = await reportHeadline(m.transport, kvs, 'OPS', filters, TEST_NOW, USER);
  return { h, calls: m.calls };
};
const expectOracle = (h: Awaited<ReturnType<typeof reportHeadline>>) => {
  const e = oracle(jira.emulator.store, TEST_NOW, filters);
  assert.equal(h.headline.incidents.count, e.incidents);
  assert.equal(h.headline.repeatRate.numerator.count, e.repeats);
  assert.equal(h.headline.completion.numerator.count, e.done.length);
  assert.equal(h.headline.completion.denominator.count, e.actions.length);
  assert.equal(h.headline.onTime.numerator.count, e.onTime.length);
  assert.equal(h.headline.overdue.count, e.overdue.length);
};

describe('report rounds (issue #11)', () => {
  it("a reader's first view after install sends every count in the first round", async () => {
    const kvs = await installed();
    const first = await headline(kvs);
    assert.equal(rounds(first.calls), 1, explain(first.calls));
    expectOracle(first.h);
    // The next view starts from the reader's own facts, and answers the same.
    const next = await headline(kvs);
    assert.equal(rounds(next.calls), 1, explain(next.calls));
    assert.deepEqual(next.h, first.h);
  });

  it('without the install trigger the first view reads the site first: one round more, the same figures', async () => {
    const kvs = new MemoryKvs();
    const first = await headline(kvs);
    assert.equal(rounds(first.calls), 2, explain(first.calls));
    expectOracle(first.h);
  });

  it("a reader in another zone than the site's: the guess costs a round, never a figure", async () => {
    const user = jira.emulator.store.users.get(USER) ?? assert.fail('no user');
    const zone = user.timeZone;
    user.timeZone = 'America/Los_Angeles';
    try {
      const kvs = await installed();
      const first = await headline(kvs);
      assert.equal(rounds(first.calls), 2, explain(first.calls));
      // Jira reads the JQL's date literals in the reader's zone: the stated JQL is written on the reader's clock.
      const zones = await reportZones(jira.platform.asUser(USER));
      assert.equal(zones.user, 'America/Los_Angeles');
      const { q } = await reportScope(jira.platform.asUser(USER), 'OPS', filters, TEST_NOW, zones);
      assert.equal(first.h.headline.incidents.jql, q.incidents);
      expectOracle(first.h);
      const next = await headline(kvs);
      assert.equal(rounds(next.calls), 1, explain(next.calls));
      assert.deepEqual(next.h, first.h);
    } finally {
      user.timeZone = zone;
    }
  });
});
