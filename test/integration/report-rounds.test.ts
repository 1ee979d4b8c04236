import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IssueRec } from '../../dev/emulator/state/model';
import { MemoryKvs } from '../../dev/kvs/memory-kvs';
import { ACTION_PROPERTY } from '../../src/domain/jira-names';
import { searchAll } from '../../src/jira/search';
import { reportHeadline, reportScope } from '../../src/services/report';
import { reviewTickets } from '../../src/services/report-review';
import { reportZones } from '../../src/services/report-zones';
import { TICKET_FIELDS } from '../../src/services/tickets';
import type { ReportFilters } from '../../src/shared/report';
import { onInstalled } from '../../src/triggers/install';
import { startTestJira, TEST_NOW, type TestJira } from '../support/jira';
import { metered, rounds, type MeteredCall } from '../support/metered';
import { oracle } from '../support/report-oracle';

/**
 * Issue #11's rounds: the headline of a reader's very first view after one round (the install trigger keeps the
 * site's facts, and a reader's zone is taken to be the site's until Jira says otherwise), and the review in at most
 * two rounds however many pages of full tickets it spans. Rounds are counted on the call order (test/support/metered).
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

  describe('the review', () => {
    const scope = async () => {
      const jiraUser = jira.platform.asUser(USER);
      return (await reportScope(jiraUser, 'OPS', filters, TEST_NOW, await reportZones(jiraUser))).q;
    };
    const since = new Date(TEST_NOW - 14 * 86_400_000).toISOString();
    const isDone = (i: IssueRec) => jira.emulator.store.statuses.get(i.statusId)?.category === 'done';
    const expected = () =>
      [...jira.emulator.store.issues.values()].filter(
        (i) =>
          i.properties[ACTION_PROPERTY] !== undefined &&
          (!isDone(i) || (i.resolutiondate !== null && Date.parse(i.resolutiondate) >= Date.parse(since))),
      );
    /** Jira's own order: the review's JQL followed page by page (the way it was read before). */
    const paged = async (limit: number) =>
      searchAll(jira.platform.asUser(USER), (await scope()).review(since), {
        fields: TICKET_FIELDS,
        properties: [ACTION_PROPERTY],
        maxResults: 5000,
        limit,
      });

    it('spans several pages of full tickets, yet takes two rounds, in Jira order, each ticket whole', async () => {
      const all = expected();
      assert.ok(all.length > 300, `a long review: ${all.length}`);
      const m = metered(jira.platform.asUser(USER));
      const got = await reviewTickets(m.transport, await scope(), since, 501);
      assert.ok(rounds(m.calls) <= 2, explain(m.calls));
      assert.deepEqual(got.map((i) => i.key).sort(), all.map((i) => i.key).sort());
      assert.deepEqual(
        got.map((i) => i.key),
        (await paged(501)).map((i) => i.key),
      );
      for (const i of got) {
        assert.ok(i.fields?.status, `${i.key} has its status`);
        assert.ok(i.properties?.[ACTION_PROPERTY], `${i.key} has its action property`);
      }
    });

    it('stops at the limit, keeping the first tickets in Jira order', async () => {
      const got = await reviewTickets(jira.platform.asUser(USER), await scope(), since, 150);
      assert.deepEqual(
        got.map((i) => i.key),
        (await paged(150)).map((i) => i.key),
      );
    });

    it('a review that fits one page takes one round', async () => {
      const m = metered(jira.platform.asUser(USER));
      const got = await reviewTickets(m.transport, await scope(), since, 40);
      assert.equal(got.length, 40);
      assert.equal(rounds(m.calls), 1, explain(m.calls));
    });
  });
});
