import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../dev/emulator/server';
import { localPlatform } from '../../dev/harness/platform';
import { MemoryKvs } from '../../dev/kvs/memory-kvs';
import { seedDemo } from '../../dev/seed/generate';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { ensureSiteSetup } from '../../src/services/install';
import { markResolvedOnTime } from '../../src/services/on-time';
import type { PostMortem } from '../../src/shared/postmortem';
import type { ReportDetailsAnswer, ReportFilters, ReportHeadlineAnswer } from '../../src/shared/report';
import { filledPostMortem } from '../support/incidents';
import { raw, type TestJira } from '../support/jira';
import { recountMismatches } from '../support/recount';
import { oracle } from '../support/report-oracle';

/**
 * An edge-case dataset entered through the REST API and the resolvers, on a clock that moves: a repeat chain of
 * four, empty months, a leap day, an incident created late on 31 Jan UTC (1 Feb in Berlin, the site's zone), a
 * ticket resolved late in the evening of its due date, a reopened ticket resolved again late, a changed service,
 * moved and deleted tickets, a deleted incident, a failed index write, unpublished post-mortems, two currencies and
 * a non-ASCII idea. Every figure is checked against values read from the emulator's records (not through src/).
 */
const NOW = Date.parse('2028-03-15T12:00:00Z');
let clock = NOW;
let emulator: Emulator;
let jira: TestJira;
let r: ResolverMap;
let n = 0;
const ctx = (issueKey: string) => ({ accountId: 'acc-alice', issueKey, projectKey: 'OPS' });
const page = { accountId: 'acc-carol', projectKey: 'OPS' };
const store = () => emulator.store;
const at = (iso: string) => {
  clock = Date.parse(iso);
};

async function incident(iso: string): Promise<string> {
  at(iso);
  const res = await raw(emulator, 'POST', '/rest/api/3/issue', {
    body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Incident' }, summary: `Incident at ${iso}` } },
  });
  assert.equal(res.status, 201, JSON.stringify(res.json));
  return (res.json as { key: string }).key;
}
const version = (key: string) =>
  (store().issuesByKey.get(key)?.properties.postmortem as { version?: number } | undefined)?.version ?? 0;
async function save(key: string, doc: PostMortem) {
  const res = await r['panel/save'](
    { doc, baseVersion: version(key), syncSummary: false, summaryLoaded: '' },
    ctx(key),
  );
  assert.ok(res.ok, JSON.stringify(res));
  return res.data;
}
function doc(
  patch: Partial<PostMortem> & { due?: string[]; ideas?: string[]; money?: [number, string] } = {},
): PostMortem {
  const d = filledPostMortem(patch.due?.length ?? 0);
  d.status = 'published';
  d.actionItems.forEach((a, i) => (a.dueDate = patch.due?.[i] ?? null));
  d.parkingLot = (patch.ideas ?? []).map((idea, i) => ({ id: `p${i}`, idea }));
  if (patch.money) d.impact.revenue = { amount: patch.money[0], currency: patch.money[1] };
  const { due: _d, ideas: _i, money: _m, ...rest } = patch;
  return { ...d, ...rest };
}
async function tickets(key: string): Promise<string[]> {
  const res = await r['actions/create']({ requestId: `edge-request-${++n}` }, ctx(key));
  assert.ok(res.ok, JSON.stringify(res));
  return res.data.items.map((i) => i.ticketKey ?? '');
}
/** The emulator's workflow: 41 Done (resolution Done), 51 Close (done, no resolution), 61 Reopen. */
async function transition(key: string, iso: string, transitionId: '41' | '51' | '61') {
  at(iso);
  const res = await raw(emulator, 'POST', `/rest/api/3/issue/${key}/transitions`, {
    body: { transition: { id: transitionId } },
  });
  assert.equal(res.status, 204, JSON.stringify(res.json));
}
const resolve = (key: string, iso: string) => transition(key, iso, '41');
const reopen = (key: string, iso: string) => transition(key, iso, '61');

const k: Record<string, string> = {};
const t: Record<string, string[]> = {};

before(async () => {
  emulator = await startEmulator({ now: () => clock });
  seedDemo(emulator.store, { seed: 7, now: NOW, incidents: 0, actionsPerIncident: 'varied', spanDays: 400 });
  const kvs = new MemoryKvs();
  const platform = localPlatform(emulator.url, { kvs, now: () => clock });
  await ensureSiteSetup(platform.asApp(), kvs);
  jira = { emulator, platform, kvs, seed: null, sleeps: [], close: () => emulator.close() };
  r = buildResolvers(platform);
  // Jira reads JQL date literals in the reader's zone: Los Angeles here, while the site's zone is Berlin.
  for (const u of store().users.values()) u.timeZone = 'America/Los_Angeles';

  // A repeat chain of four: May 2027 -> Sep 2027 -> Nov 2027 -> 29 Feb 2028, with empty months between.
  k.i1 = await incident('2027-05-10T09:00:00Z');
  await save(k.i1, doc({ service: 'search', due: ['2027-06-01', '2027-10-01'], ideas: ['Überwachung der Queues'] }));
  t.i1 = await tickets(k.i1);
  k.i2 = await incident('2027-09-15T09:00:00Z'); // i1's tickets are still open: a repeat while open
  await save(k.i2, doc({ service: 'search', repeatOf: k.i1, due: ['2027-10-20'], money: [1000, 'EUR'] }));
  t.i2 = await tickets(k.i2);
  await resolve(t.i1[0] ?? '', '2027-09-20T10:00:00Z');
  await resolve(t.i1[1] ?? '', '2027-09-21T10:00:00Z');
  await resolve(t.i2[0] ?? '', '2027-10-01T10:00:00Z');
  k.i3 = await incident('2027-11-20T09:00:00Z'); // i2's ticket was resolved: not while open
  await save(k.i3, doc({ service: 'search', repeatOf: k.i2, ideas: ['überwachung der queues'], money: [500, 'USD'] }));
  k.i4 = await incident('2028-02-29T10:00:00Z'); // the leap day
  await save(k.i4, doc({ service: 'search', repeatOf: k.i3, due: ['2028-03-05', '2028-03-05', '2028-03-31'] }));
  t.i4 = await tickets(k.i4);
  // Resolved at 23:30 UTC on its due date: 00:30 the next day in Berlin, so late.
  await resolve(t.i4[0] ?? '', '2028-03-05T23:30:00Z');
  // Resolved on time, judged by the job, then reopened and resolved again after its due date.
  await resolve(t.i4[1] ?? '', '2028-03-04T10:00:00Z');
  await markResolvedOnTime(jira.platform.asApp(), ['OPS']);
  await reopen(t.i4[1] ?? '', '2028-03-06T10:00:00Z');
  await resolve(t.i4[1] ?? '', '2028-03-07T10:00:00Z');

  // Created at 23:30 UTC on 31 Jan: 1 Feb in Berlin. Its service changes from checkout to payments later.
  k.i5 = await incident('2028-01-31T23:30:00Z');
  await save(k.i5, doc({ service: 'checkout', due: ['2028-02-20', '2028-02-20', '2028-04-30'], money: [2000, 'USD'] }));
  t.i5 = await tickets(k.i5);
  await resolve(t.i5[0] ?? '', '2028-02-19T08:00:00Z');
  at('2028-03-10T09:00:00Z');
  await save(k.i5, {
    ...doc({ service: 'payments', due: ['2028-02-20', '2028-02-20', '2028-04-30'], money: [2000, 'USD'] }),
    actionItems: (store().issuesByKey.get(k.i5)?.properties.postmortem as { doc: PostMortem }).doc.actionItems,
  });
  // One ticket dropped in a review, one moved to another project, one deleted (Jira's own operations, on its records).
  at('2028-03-11T09:00:00Z');
  const drop = await r['review/outcome'](
    {
      ticketKey: t.i5[2] ?? '',
      outcome: 'dropped',
      note: 'Superseded by the new gateway',
      reassignTo: null,
      baseVersion: 0,
    },
    { accountId: 'acc-alice', issueKey: k.i5, projectKey: 'OPS' },
  );
  assert.ok(drop.ok, JSON.stringify(drop));

  // An incident later deleted, and its repeat: the chain starts with a key that no longer exists.
  k.gone = await incident('2027-12-01T09:00:00Z');
  await save(k.gone, doc({ service: 'auth' }));
  k.i6 = await incident('2027-12-05T09:00:00Z');
  await save(k.i6, doc({ service: 'auth', repeatOf: k.gone, due: ['2028-01-15', '2028-01-15'] }));
  t.i6 = await tickets(k.i6);
  const goneRec = store().issuesByKey.get(k.gone);
  assert.ok(goneRec);
  store().issues.delete(goneRec.id);
  store().issuesByKey.delete(k.gone);
  const moved = store().issuesByKey.get(t.i6[0] ?? '');
  const deleted = store().issuesByKey.get(t.i6[1] ?? '');
  assert.ok(moved && deleted);
  const ops = [...store().projects.values()].find((p) => p.key === 'OPS');
  assert.ok(ops);
  const other = { ...ops, id: '19999', key: 'PLAT', name: 'Platform' };
  store().putProject(other);
  store().issuesByKey.delete(moved.key);
  moved.projectId = other.id;
  moved.key = `${other.key}-900`;
  store().putIssue(moved);
  store().issues.delete(deleted.id);
  store().issuesByKey.delete(deleted.key);

  // Closed without a resolution (no resolution date: cannot be judged on time), and one resolved "Won't Do"
  // (the resolution a workflow's screen sets; written on the record, as the emulator's workflow has no screen).
  k.i7 = await incident('2028-03-08T09:00:00Z');
  await save(k.i7, doc({ service: 'search', due: ['2028-03-20', '2028-03-20'] }));
  t.i7 = await tickets(k.i7);
  await transition(t.i7[0] ?? '', '2028-03-09T09:00:00Z', '51');
  await resolve(t.i7[1] ?? '', '2028-03-09T10:00:00Z');
  const wontDo = store().issuesByKey.get(t.i7[1] ?? '');
  assert.ok(wontDo);
  wontDo.resolutionId = '10001';
  store().putIssue(wontDo);

  // Unpublished: a draft and an incident without a post-mortem; and a publish whose index write fails.
  k.draft = await incident('2028-03-01T09:00:00Z');
  await save(k.draft, { ...doc({ service: 'search' }), status: 'draft' });
  k.bare = await incident('2028-03-02T09:00:00Z');
  k.lag = await incident('2028-03-03T09:00:00Z');
  await save(k.lag, { ...doc({ service: 'search' }), status: 'in-review' });
  const staleIndex = structuredClone(store().issuesByKey.get(k.lag)?.properties.postmortemIndex);
  await save(k.lag, doc({ service: 'search' }));
  // The index travels with the document; here it is lost (as an older version of the app, writing it apart,
  // could leave it), and the next save's attempt to write it again fails.
  const lagging = store().issuesByKey.get(k.lag);
  assert.ok(lagging && staleIndex);
  lagging.properties.postmortemIndex = staleIndex;
  store().putIssue(lagging);
  emulator.knobs.faults.push({ match: 'PUT .*/properties/postmortemIndex', status: 500, times: 10, when: 'before' });
  const lagged = await save(k.lag, doc({ service: 'search' }));
  emulator.knobs.faults = [];
  assert.ok(lagged.warning);
  at('2028-03-15T12:00:00Z');
});
after(async () => {
  assert.deepEqual(emulator.drift, []);
  await emulator.close();
});

async function report(f: ReportFilters): Promise<[ReportHeadlineAnswer, ReportDetailsAnswer]> {
  const [h, d] = await Promise.all([r['report/headline'](f, page), r['report/details'](f, page)]);
  assert.ok(h.ok && d.ok, JSON.stringify([h, d]));
  return [h.data, d.data];
}
const dropped = () => new Set([t.i5?.[2] ?? '']);

describe('report figures on an edge-case dataset', () => {
  for (const f of [
    { windowDays: 365, service: null, category: null },
    { windowDays: 30, service: null, category: null },
    { windowDays: 90, service: 'payments', category: null },
    { windowDays: 365, service: 'checkout', category: null },
  ] satisfies ReportFilters[]) {
    it(`every headline figure matches the records, and every stated JQL counts it: ${JSON.stringify(f)}`, async () => {
      const [a, d] = await report(f);
      const h = a.headline;
      const e = oracle(store(), NOW, f, dropped());
      assert.equal(a.window.timeZone, 'Europe/Berlin');
      assert.equal(a.window.from, e.from);
      assert.deepEqual(
        {
          incidents: h.incidents.count,
          unpublished: h.unpublished.count,
          published: h.repeatRate.denominator.count,
          repeats: h.repeatRate.numerator.count,
          all: h.completion.denominator.count,
          done: h.actions.done.count,
          dropped: h.actions.dropped.count,
          overdue: h.actions.overdue.count,
          noDueDate: h.actions.noDueDate.count,
          openNotDue: h.actions.openNotDue.count,
          onTime: h.onTime.numerator.count,
          onTimeBase: h.onTime.denominator.count,
          whileOpen: h.repeatsWhileOpen.count,
        },
        {
          incidents: e.incidents,
          unpublished: e.unpublished,
          published: e.published,
          repeats: e.repeats,
          all: e.actions.length,
          done: e.done.length,
          dropped: e.dropped.length,
          overdue: e.overdue.length,
          noDueDate: e.noDueDate.length,
          openNotDue: e.openNotDue.length,
          onTime: e.onTime.length,
          onTimeBase: e.onTimeBase,
          whileOpen: e.repeatsWhileOpenFromTickets,
        },
      );
      assert.deepEqual(
        d.details.byPriority.map((p) => ({ all: p.completion.denominator.count, done: p.completion.numerator.count })),
        e.byPriority,
      );
      assert.deepEqual(await recountMismatches(jira, page.accountId, a, d), []);
    });
  }

  it('the named edge cases land where the definitions say', async () => {
    const e = oracle(store(), NOW, { windowDays: 30, service: null, category: null }, dropped());
    const [a] = await report({ windowDays: 30, service: null, category: null });
    const onTimeJql = a.headline.onTime.numerator.jql;
    assert.ok(!e.onTime.includes(t.i4?.[0] ?? ''), 'resolved 23:30 UTC on its due date: late in Berlin');
    assert.ok(!e.onTime.includes(t.i4?.[1] ?? ''), 'reopened and resolved again after its due date: late');
    assert.ok(e.done.includes(t.i4?.[1] ?? ''));
    assert.match(onTimeJql, new RegExp(`key NOT IN \\("${t.i4?.[1]}"\\)`), 'the job judged it on time before');
    const e90 = oracle(store(), NOW, { windowDays: 90, service: null, category: null }, dropped());
    assert.deepEqual(e90.dropped, [t.i5?.[2], t.i7?.[1]].sort());
    assert.ok(e90.overdue.includes(t.i5?.[1] ?? ''));
    assert.deepEqual(e.openNotDue, [t.i4?.[2]]);
    assert.deepEqual(e.dropped, [t.i7?.[1]], '"Won\'t Do" is dropped, not done');
    assert.ok(e.done.includes(t.i7?.[0] ?? '') && !e.onTime.includes(t.i7?.[0] ?? ''), 'closed without a date');
    assert.deepEqual(a.headline.unjudged, [t.i7?.[0]]);
    const [p] = await report({ windowDays: 90, service: 'payments', category: null });
    assert.equal(p.headline.completion.denominator.count, 3, "the incident's tickets follow its new service");
    assert.equal(p.headline.actions.done.count, 1);
    const [c] = await report({ windowDays: 90, service: 'checkout', category: null });
    assert.equal(c.headline.completion.denominator.count, 0, 'and no longer count under the old one');
    const [w] = await report({ windowDays: 365, service: null, category: null });
    assert.equal(w.headline.repeatsWhileOpen.count, 1, 'i2 repeated i1 while its tickets were open; i3 and i4 not');
    assert.equal(w.headline.unpublished.count, 3, 'a draft, an incident without a post-mortem, the lagging one');
  });

  it('the trend has 12 calendar months in the site zone, with empty months and the leap day in February', async () => {
    const [, d] = await report({ windowDays: 365, service: null, category: null });
    const e = oracle(store(), NOW, { windowDays: 365, service: null, category: null });
    const months = d.details.trend.map((p) => p.month);
    assert.deepEqual(months[0], '2027-04');
    assert.deepEqual(months[11], '2028-03');
    for (const p of d.details.trend) {
      const mine = [...store().issues.values()].filter(
        (i) =>
          (i.properties.postmortemIndex as { status?: string } | undefined)?.status === 'published' &&
          e.month(i) === p.month,
      );
      assert.equal(p.published, mine.length, p.month);
      assert.equal(p.rate === null, mine.length === 0, `${p.month}: no rate without data`);
    }
    assert.equal(d.details.trend.find((p) => p.month === '2028-02')?.published, 2, 'leap day and 1 Feb (Berlin)');
    assert.equal(d.details.trend.find((p) => p.month === '2028-01')?.published, 0);
  });

  it('chains, dead keys, moved and deleted tickets, index lag, currencies and ideas are shown as they are', async () => {
    const [a, d] = await report({ windowDays: 365, service: null, category: null });
    assert.deepEqual(d.details.chains[0], [k.i1, k.i2, k.i3, k.i4]);
    assert.ok(d.details.chains.some((c) => c[0] === k.gone && c[1] === k.i6));
    assert.deepEqual(d.details.deadKeys, [k.gone]);
    assert.deepEqual(
      d.details.missingTickets.map((m) => m.key),
      [t.i6?.[0], t.i6?.[1]].sort(),
    );
    assert.deepEqual(
      a.indexLag.map((l) => l.key),
      [k.lag],
    );
    assert.deepEqual(d.details.services.find((s) => s.name === 'search')?.revenue, [
      { currency: 'USD', amount: 4500 + 500 + 4500 + 4500 },
      { currency: 'EUR', amount: 1000 },
    ]);
    assert.deepEqual(d.details.parkingIdeas, [{ idea: 'überwachung der queues', count: 2 }]);
    assert.ok(d.details.themes.every((x) => x.phrase.split(' ').length >= 2));
  });

  it('a repeat link to a later or missing incident is refused', async () => {
    const res = await r['panel/save'](
      {
        doc: { ...doc({ service: 'search' }), repeatOf: k.i4 ?? '' },
        baseVersion: version(k.i3 ?? ''),
        syncSummary: false,
        summaryLoaded: '',
      },
      ctx(k.i3 ?? ''),
    );
    assert.equal(res.ok ? '' : res.error.code, 'VALIDATION');
    assert.match(res.ok ? '' : res.error.message, /created after/);
    const dead = await r['panel/save'](
      {
        doc: { ...doc({ service: 'search' }), repeatOf: k.gone ?? '' },
        baseVersion: version(k.i3 ?? ''),
        syncSummary: false,
        summaryLoaded: '',
      },
      ctx(k.i3 ?? ''),
    );
    assert.equal(dead.ok ? '' : dead.error.code, 'VALIDATION');
    assert.match(dead.ok ? '' : dead.error.message, /does not exist/);
  });
});
