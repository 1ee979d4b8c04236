import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { costOf } from '../../dev/emulator/cost';
import type { IssueRec } from '../../dev/emulator/state/model';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import type { ReportFilters } from '../../src/shared/report';
import { raw, startTestJira, TEST_NOW, type TestJira } from '../support/jira';
import { recountMismatches } from '../support/recount';
import { oracle } from '../support/report-oracle';

let jira: TestJira;
let r: ResolverMap;
before(async () => {
  jira = await startTestJira({ jiraLike: true });
  r = buildResolvers(jira.platform);
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});
const ctx = { accountId: 'acc-carol', projectKey: 'OPS' };

// Independent of the app's code: plain reads of the emulator's records (test/support/report-oracle.ts).
type Action = { incident: string; priority: string; resolvedOnTime?: number; judgedOn?: unknown };
const all = () => [...jira.emulator.store.issues.values()];
const act = (i: IssueRec) => i.properties.postmortemAction as Action | undefined;
const done = (i: IssueRec) => jira.emulator.store.statuses.get(i.statusId)?.category === 'done';

describe('the incident report, checked against the emulator data', () => {
  for (const f of [
    { windowDays: 90, service: null, category: null },
    { windowDays: 365, service: null, category: null },
    { windowDays: 30, service: null, category: null },
    { windowDays: 365, service: 'checkout', category: null },
    { windowDays: 180, service: null, category: 'Dependency failure' },
  ] satisfies ReportFilters[]) {
    it(`headline figures for ${JSON.stringify(f)}, and every stated JQL counts the same`, async () => {
      const res = await r['report/headline'](f, ctx);
      assert.ok(res.ok, JSON.stringify(res));
      const h = res.data.headline;
      const e = oracle(jira.emulator.store, TEST_NOW, f);
      assert.equal(res.data.window.timeZone, 'Europe/Berlin');
      assert.equal(res.data.window.from, e.from);
      assert.equal(h.incidents.count, e.incidents);
      assert.equal(h.unpublished.count, e.unpublished);
      assert.equal(h.repeatRate.numerator.count, e.repeats);
      assert.equal(h.repeatRate.denominator.count, e.published);
      assert.equal(h.repeatsWhileOpen.count, e.repeatsWhileOpenStored);
      assert.equal(h.completion.numerator.count, e.done.length);
      assert.equal(h.completion.denominator.count, e.actions.length);
      assert.equal(h.onTime.numerator.count, e.onTime.length);
      assert.equal(h.onTime.denominator.count, e.onTimeBase);
      assert.equal(h.overdue.count, e.overdue.length);
      assert.equal(h.actions.openNotDue.count, e.openNotDue.length);
      assert.equal(h.actions.noDueDate.count, e.noDueDate.length);
      assert.equal(h.actions.dropped.count, e.dropped.length);
      assert.equal(h.repeatRate.value, e.published ? e.repeats / e.published : null);
      assert.ok(res.data.definitions.completion?.includes('of all action tickets created in the window'));
      if (f.service) assert.match(h.incidents.jql, /issue\.property\[postmortemIndex\]\.service = "checkout"/);
      assert.deepEqual(await recountMismatches(jira, ctx.accountId, res.data), []);
    });
  }

  it('details: trend, breakdowns and chains agree with the data, and their JQL counts the same', async () => {
    const f: ReportFilters = { windowDays: 365, service: null, category: null };
    const [head, res] = await Promise.all([r['report/headline'](f, ctx), r['report/details'](f, ctx)]);
    assert.ok(head.ok && res.ok, JSON.stringify(res));
    const d = res.data.details;
    const e = oracle(jira.emulator.store, TEST_NOW, f);
    assert.equal(d.trend.length, 12);
    const month = e.today.slice(0, 7);
    const thisMonth = e.patterns.filter((i) => e.month(i) === month);
    const point = d.trend[11];
    assert.equal(point?.month, month);
    assert.equal(point?.published, thisMonth.length);
    assert.equal(
      point?.repeats,
      thisMonth.filter((i) => (i.properties.postmortemIndex as { repeatOf?: string }).repeatOf).length,
    );
    assert.equal(
      d.categories.reduce((n, c) => n + c.incidents, 0),
      e.patterns.length,
    );
    assert.equal(
      d.services.find((s) => s.name === 'checkout')?.incidents,
      e.patterns.filter((i) => (i.properties.postmortemIndex as { service?: string }).service === 'checkout').length,
    );
    for (const chain of d.chains) {
      for (let k = 1; k < chain.length; k++)
        assert.equal(
          (jira.emulator.store.issuesByKey.get(chain[k] ?? '')?.properties.postmortemIndex as { repeatOf?: string })
            ?.repeatOf,
          chain[k - 1],
        );
    }
    const open = all().filter((i) => act(i) && !done(i)).length;
    assert.equal(d.review.inProgress.length + d.review.notStarted.length, open);
    assert.equal(d.reviewTruncated, false);
    assert.deepEqual(
      d.byPriority.map((p) => ({ all: p.completion.denominator.count, done: p.completion.numerator.count })),
      e.byPriority,
    );
    assert.deepEqual(await recountMismatches(jira, ctx.accountId, head.data, res.data), []);
  });

  it("headline figures are counts: the window's tickets are never listed", async () => {
    const f: ReportFilters = { windowDays: 365, service: null, category: null };
    assert.ok((await r['report/headline'](f, ctx)).ok); // site facts now kept in app storage
    jira.emulator.calls.length = 0;
    assert.ok((await r['report/headline'](f, ctx)).ok);
    const paths = jira.emulator.calls.map((c) => c.path.split('?')[0] ?? '');
    assert.ok(paths.filter((p) => p === '/rest/api/3/search/approximate-count').length >= 5);
    const known = [
      '/rest/api/3/search/approximate-count',
      '/rest/api/3/search/jql',
      '/rest/api/3/serverInfo',
      '/rest/api/3/myself',
      '/rest/api/3/resolution/search',
    ];
    assert.deepEqual(
      paths.filter((p) => !known.includes(p) && !p.startsWith('/rest/api/3/project/')),
      [],
    );
    // Only the few tickets counts cannot judge are read: far fewer than the window's tickets.
    const windowTickets = oracle(jira.emulator.store, TEST_NOW, f).actions.length;
    const read = costOf(jira.emulator.calls).issues;
    assert.ok(windowTickets > 100 && read < windowTickets / 4, `read ${read} of ${windowTickets} tickets`);
  });

  it('the review says when it shows only the first items, and its link counts them all', async () => {
    const { reportDetails } = await import('../../src/services/report-details');
    const f: ReportFilters = { windowDays: 90, service: null, category: null };
    const d = await reportDetails(jira.platform.asUser(ctx.accountId), jira.kvs, 'OPS', f, TEST_NOW, 10);
    const r = d.details.review;
    assert.equal(r.doneSinceLastReview.length + r.inProgress.length + r.notStarted.length, 10);
    assert.equal(d.details.reviewTruncated, true);
    const open = all().filter((i) => act(i) && !done(i)).length;
    const counted = await raw(jira.emulator, 'POST', '/rest/api/3/search/approximate-count', {
      as: ctx.accountId,
      body: { jql: r.jql },
    });
    assert.ok((counted.json as { count: number }).count >= open, 'the link opens every item, not only the first 10');
    // The page says how many there are in all: the count of the link's search.
    assert.equal(d.details.reviewTotal, (counted.json as { count: number }).count);
    const full = await reportDetails(jira.platform.asUser(ctx.accountId), jira.kvs, 'OPS', f, TEST_NOW);
    assert.equal(full.details.reviewTruncated, false);
  });

  it('a window with no incidents and a filter matching nothing give zeros with "no data" shares, not wrong ratios', async () => {
    const res = await r['report/headline']({ windowDays: 30, service: 'no-such-service', category: null }, ctx);
    assert.ok(res.ok);
    assert.equal(res.data.headline.incidents.count, 0);
    assert.equal(res.data.headline.repeatRate.value, null);
    assert.equal(res.data.headline.completion.value, null);
  });

  it('Jira answering 429 throughout gives a clear error, never a zero', async () => {
    jira.emulator.knobs.faults.push({ match: 'approximate-count', status: 429, times: 1000, when: 'before' });
    const res = await r['report/headline']({ windowDays: 90, service: null, category: null }, ctx);
    jira.emulator.knobs.faults = [];
    assert.equal(res.ok, false);
    assert.equal(res.ok ? '' : res.error.code, 'RATE_LIMITED');
  });

  it('a project with no post-mortems reports an empty state', async () => {
    const empty = await startTestJira({ seed: { incidents: 0, actionsPerIncident: 'varied' } });
    try {
      const res = await buildResolvers(empty.platform)['report/headline'](
        { windowDays: 365, service: null, category: null },
        ctx,
      );
      assert.ok(res.ok, JSON.stringify(res));
      assert.equal(res.data.headline.incidents.count, 0);
      const det = await buildResolvers(empty.platform)['report/details'](
        { windowDays: 365, service: null, category: null },
        ctx,
      );
      assert.ok(det.ok);
      assert.ok(det.data.details.trend.every((p) => p.rate === null));
    } finally {
      await empty.close();
    }
  });
});

describe('on-time completion job', () => {
  // The job runs hourly: Jira's index has long caught up with its previous run's writes (the test clock is fixed).
  let lag = 0;
  before(() => {
    lag = jira.emulator.knobs.indexLagMs;
    jira.emulator.knobs.indexLagMs = 0;
  });
  after(() => {
    jira.emulator.knobs.indexLagMs = lag;
  });
  const doneTickets = () =>
    all()
      .filter((i) => act(i) && done(i))
      .sort((a, b) => a.key.localeCompare(b.key));

  it('judges never-judged tickets, tickets reopened and resolved late, and moved due dates, by the site zone', async () => {
    const { markResolvedOnTime } = await import('../../src/services/on-time');
    const app = jira.platform.asApp();
    while ((await markResolvedOnTime(app, ['OPS'])) > 0); // settle the seed's records first
    assert.equal(await markResolvedOnTime(app, ['OPS']), 0, 'nothing left to judge');
    const [early, late, noDue, reopened, moved, evening] = doneTickets().slice(0, 6) as IssueRec[];
    assert.ok(early && late && noDue && reopened && moved && evening);
    for (const t of [early, late, noDue]) delete (act(t) as Record<string, unknown>).resolvedOnTime;
    early.duedate = '2099-01-01';
    late.duedate = '2000-01-01';
    noDue.duedate = null;
    // Judged on time once, then reopened and resolved again after its due date: Jira bumps `updated`.
    (act(reopened) as Action).resolvedOnTime = 1;
    reopened.duedate = '2026-11-20';
    reopened.resolutiondate = '2026-11-25T10:00:00.000+0000';
    reopened.updated = '2026-11-25T10:00:00.000+0000';
    // Its due date moved earlier than its resolution after it was judged on time.
    (act(moved) as Action).resolvedOnTime = 1;
    moved.duedate = '2026-11-01';
    moved.resolutiondate = '2026-11-10T09:00:00.000+0000';
    moved.updated = '2026-11-26T09:00:00.000+0000';
    // Resolved at 23:30 UTC on its due date: already the next day in Berlin, the site's zone.
    delete (act(evening) as Record<string, unknown>).resolvedOnTime;
    evening.duedate = '2026-11-24';
    evening.resolutiondate = '2026-11-24T23:30:00.000+0000';
    assert.equal(await markResolvedOnTime(app, ['OPS']), 6);
    assert.equal(act(early)?.resolvedOnTime, 1);
    assert.equal(act(late)?.resolvedOnTime, 0);
    assert.equal(act(noDue)?.resolvedOnTime, 1);
    assert.equal(act(reopened)?.resolvedOnTime, 0);
    assert.equal(act(moved)?.resolvedOnTime, 0);
    assert.equal(act(evening)?.resolvedOnTime, 0);
    assert.equal(await markResolvedOnTime(app, ['OPS']), 0, 'unchanged tickets are not written again');
  });

  it('a done ticket without a resolution date never stalls the batch', async () => {
    const { markResolvedOnTime } = await import('../../src/services/on-time');
    const app = jira.platform.asApp();
    const [stuck, next] = doneTickets().slice(0, 2) as IssueRec[];
    assert.ok(stuck && next);
    for (const t of [stuck, next]) delete (act(t) as Record<string, unknown>).resolvedOnTime;
    stuck.resolutiondate = null;
    assert.equal(await markResolvedOnTime(app, ['OPS'], 1), 1);
    assert.equal(await markResolvedOnTime(app, ['OPS'], 1), 1);
    assert.equal(act(stuck)?.resolvedOnTime, 0, 'cannot be judged: recorded as not on time');
    assert.equal(act(next)?.resolvedOnTime !== undefined, true, 'the next ticket got its turn');
  });

  it('until the job runs, a ticket resolved on time already counts as on time', async () => {
    const f: ReportFilters = { windowDays: 30, service: null, category: null };
    const t = doneTickets().find((i) => Date.parse(i.created) > TEST_NOW - 20 * 86_400_000);
    assert.ok(t);
    delete (act(t) as Record<string, unknown>).resolvedOnTime;
    t.duedate = '2099-12-31';
    const res = await r['report/headline'](f, ctx);
    assert.ok(res.ok);
    assert.equal(res.data.headline.onTime.numerator.count, oracle(jira.emulator.store, TEST_NOW, f).onTime.length);
    assert.match(res.data.headline.onTime.numerator.jql, new RegExp(`key IN \\([^)]*"${t.key}"`));
    assert.deepEqual(await recountMismatches(jira, ctx.accountId, res.data), []);
  });
});

describe('project settings', () => {
  it('lets a project admin change categories, ticket type and priority mapping, and refuses others', async () => {
    const loaded = await r['settings/load']({}, { accountId: 'acc-bob', projectKey: 'OPS' });
    assert.ok(loaded.ok, JSON.stringify(loaded));
    assert.equal(loaded.data.canEdit, false);
    assert.equal(loaded.data.settings.ticketIssueType, 'Task');
    const next = {
      ...loaded.data.settings,
      categories: ['Deploy', 'Capacity', ' Deploy '],
      ticketIssueType: 'Bug',
      priorityMap: { P1: 'Highest', P2: 'Highest', P3: 'Low' },
    };
    const base = loaded.data.version;
    const refused = await r['settings/save'](
      { settings: next, baseVersion: base },
      { accountId: 'acc-bob', projectKey: 'OPS' },
    );
    assert.equal(refused.ok ? '' : refused.error.code, 'FORBIDDEN');
    const bad = await r['settings/save'](
      { settings: { ...next, ticketIssueType: 'Saga' }, baseVersion: base },
      { accountId: 'acc-alice', projectKey: 'OPS' },
    );
    assert.equal(bad.ok ? '' : bad.error.code, 'VALIDATION');
    const saved = await r['settings/save'](
      { settings: next, baseVersion: base },
      { accountId: 'acc-alice', projectKey: 'OPS' },
    );
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.deepEqual(saved.data.settings.categories, ['Deploy', 'Capacity']);
    const panel = await r['panel/load']({}, { accountId: 'acc-bob', issueKey: 'OPS-1', projectKey: 'OPS' });
    assert.ok(panel.ok);
    assert.deepEqual(panel.data.categories, ['Deploy', 'Capacity']);
  });
});
