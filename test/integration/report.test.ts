import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IssueRec } from '../../dev/emulator/state/model';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import type { ReportFilters } from '../../src/shared/report';
import { startTestJira, TEST_NOW, type TestJira } from '../support/jira';

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
const DAY = 86_400_000;

// Independent of the app's code: plain reads of the emulator's records.
type Index = { status?: string; service?: string; category?: string; repeatOf?: string; repeatWhileOpen?: number };
type Action = { incident: string; priority: string; service?: string; category?: string; resolvedOnTime?: number };
const all = () => [...jira.emulator.store.issues.values()];
const idx = (i: IssueRec) => i.properties.postmortemIndex as Index | undefined;
const act = (i: IssueRec) => i.properties.postmortemAction as Action | undefined;
const done = (i: IssueRec) => jira.emulator.store.statuses.get(i.statusId)?.category === 'done';
const inWindow = (i: IssueRec, days: number) => Date.parse(i.created) >= TEST_NOW - days * DAY;

function expected(f: ReportFilters) {
  const incidents = all().filter(
    (i) =>
      i.issueTypeId === '10050' &&
      (!f.service || idx(i)?.service === f.service) &&
      (!f.category || idx(i)?.category === f.category),
  );
  const published = incidents.filter((i) => idx(i)?.status === 'published' && inWindow(i, f.windowDays));
  const repeats = published.filter((i) => idx(i)?.repeatOf);
  const tickets = all().filter(
    (i) => act(i) && (!f.service || act(i)?.service === f.service) && (!f.category || act(i)?.category === f.category),
  );
  const actions = tickets.filter((i) => inWindow(i, f.windowDays));
  const today = new Date(TEST_NOW).toISOString().slice(0, 10);
  return {
    incidents: incidents.filter((i) => inWindow(i, f.windowDays)).length,
    published: published.length,
    repeats: repeats.length,
    repeatsWhileOpen: repeats.filter((i) => idx(i)?.repeatWhileOpen === 1).length,
    actions: actions.length,
    done: actions.filter(done).length,
    onTime: actions.filter((i) => done(i) && act(i)?.resolvedOnTime === 1).length,
    overdue: tickets.filter((i) => !done(i) && i.duedate !== null && i.duedate < today).length,
  };
}

describe('the incident report, checked against the emulator data', () => {
  for (const f of [
    { windowDays: 90, service: null, category: null },
    { windowDays: 365, service: null, category: null },
    { windowDays: 30, service: null, category: null },
    { windowDays: 365, service: 'checkout', category: null },
    { windowDays: 180, service: null, category: 'Dependency failure' },
  ] satisfies ReportFilters[]) {
    it(`headline figures for ${JSON.stringify(f)}`, async () => {
      const res = await r['report/headline'](f, ctx);
      assert.ok(res.ok, JSON.stringify(res));
      const h = res.data.headline;
      const e = expected(f);
      assert.equal(h.incidents.count, e.incidents);
      assert.equal(h.repeatRate.numerator.count, e.repeats);
      assert.equal(h.repeatRate.denominator.count, e.published);
      assert.equal(h.repeatsWhileOpen.count, e.repeatsWhileOpen);
      assert.equal(h.completion.numerator.count, e.done);
      assert.equal(h.completion.denominator.count, e.actions);
      assert.equal(h.onTime.numerator.count, e.onTime);
      assert.equal(h.overdue.count, e.overdue);
      assert.equal(h.repeatRate.value, e.published ? e.repeats / e.published : null);
      if (f.service) assert.match(h.incidents.jql, /issue\.property\[postmortemIndex\]\.service = "checkout"/);
    });
  }

  it('details: trend, breakdowns and chains agree with the data', async () => {
    const f: ReportFilters = { windowDays: 365, service: null, category: null };
    const res = await r['report/details'](f, ctx);
    assert.ok(res.ok, JSON.stringify(res));
    const d = res.data.details;
    assert.equal(d.trend.length, 12);
    const month = new Date(TEST_NOW).toISOString().slice(0, 7);
    const thisMonth = all().filter(
      (i) => i.issueTypeId === '10050' && idx(i)?.status === 'published' && i.created.slice(0, 7) === month,
    );
    const point = d.trend[11];
    assert.equal(point?.month, month);
    assert.equal(point?.published, thisMonth.length);
    assert.equal(point?.repeats, thisMonth.filter((i) => idx(i)?.repeatOf).length);
    const incidents = all().filter((i) => i.issueTypeId === '10050' && idx(i)?.status && inWindow(i, 365));
    assert.equal(
      d.categories.reduce((n, c) => n + c.incidents, 0),
      incidents.length,
    );
    assert.equal(
      d.services.find((s) => s.name === 'checkout')?.incidents,
      incidents.filter((i) => idx(i)?.service === 'checkout').length,
    );
    for (const chain of d.chains) {
      for (let k = 1; k < chain.length; k++)
        assert.equal(idx(jira.emulator.store.issuesByKey.get(chain[k] ?? '')!)?.repeatOf, chain[k - 1]);
    }
    const open = all().filter((i) => act(i) && !done(i)).length;
    assert.equal(d.review.inProgress.length + d.review.notStarted.length, open);
    const p1 = all().filter((i) => act(i)?.priority === 'P1' && inWindow(i, 365));
    assert.equal(d.byPriority[0]?.completion.denominator.count, p1.length);
  });

  it('headline figures need one round of concurrent calls, whatever the data size', async () => {
    jira.emulator.calls.length = 0;
    assert.ok((await r['report/headline']({ windowDays: 90, service: null, category: null }, ctx)).ok);
    assert.equal(jira.emulator.calls.length, 9, 'eight counts and the project');
    assert.ok(
      jira.emulator.calls.every(
        (c) => c.path === '/rest/api/3/search/approximate-count' || c.path.startsWith('/rest/api/3/project/'),
      ),
    );
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
  it('records resolvedOnTime on resolved action tickets that lack it, as the app', async () => {
    const { markResolvedOnTime } = await import('../../src/services/on-time');
    const done = all()
      .filter((i) => act(i) && jira.emulator.store.statuses.get(i.statusId)?.category === 'done')
      .slice(0, 3);
    assert.equal(done.length, 3);
    const [early, late, noDue] = done as [IssueRec, IssueRec, IssueRec];
    for (const t of done) delete (t.properties.postmortemAction as Record<string, unknown>).resolvedOnTime;
    early.duedate = '2099-01-01';
    late.duedate = '2000-01-01';
    noDue.duedate = null;
    // A done status that sets no resolution (many real sites have one): no resolution date, so never marked, and
    // it must not hold up the job. It is the newest, so it comes first in the job's search.
    const closed = all()
      .filter((i) => act(i) && jira.emulator.store.statuses.get(i.statusId)?.category !== 'done')
      .sort((a, b) => b.id - a.id)[0];
    assert.ok(closed && done.every((t) => t.id < closed.id));
    Object.assign(closed, { statusId: '10004', resolutionId: null, resolutiondate: null });
    delete (closed.properties.postmortemAction as Record<string, unknown>).resolvedOnTime;
    for (const t of [...done, closed]) jira.emulator.store.putIssue(t);
    jira.emulator.settleIndex(); // the set-up above is indexed; the job's own writes lag
    let marked = 0;
    for (let run = 0; run < 3; run++) {
      marked += await markResolvedOnTime(jira.platform.asApp(), ['OPS'], 1);
      jira.emulator.settleIndex(); // runs are an hour apart: Jira has indexed the last run's writes
    }
    assert.equal(marked, 3, 'one per run, past the ticket closed without a resolution');
    assert.equal(act(early)?.resolvedOnTime, 1);
    assert.equal(act(late)?.resolvedOnTime, 0);
    assert.equal(act(noDue)?.resolvedOnTime, 1);
    assert.equal(act(closed)?.resolvedOnTime, undefined);
    assert.equal(await markResolvedOnTime(jira.platform.asApp(), ['OPS']), 0, 'nothing left to mark');
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
