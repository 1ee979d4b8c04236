import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jiraTime } from '../../dev/emulator/state/model';
import { MemoryKvs } from '../../dev/kvs/memory-kvs';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { followUpReport } from '../../src/services/follow-up-report';
import { ledgerKeys, readLedgerMeta } from '../../src/services/follow-up-ledger';
import { keepFollowUpLedgers, MISMATCH_REBUILD_MS } from '../../src/services/follow-up-ledger-job';
import { timeBudget, type TimeBudget } from '../../src/services/job-budget';
import { historyKeys } from '../../src/services/report-cache';
import { reportHistoryScheduled } from '../../src/triggers/report-history';
import type { KeyValueStore } from '../../src/storage/kvs';
import { faultyKvs, type KvsFault } from '../support/faulty';
import { cardFigures, holdOracle, transitionTo } from '../support/hold-oracle';
import { filledPostMortem } from '../support/incidents';
import { raw, startTestJira, TEST_NOW, type TestJira } from '../support/jira';
import { metered, rounds } from '../support/metered';

/**
 * The follow-up card's ledger (src/services/follow-up-ledger*.ts, follow-up-changes.ts): the view after the job
 * equals the definition (test/support/hold-oracle.ts, from the emulator's records); changes after the last sync
 * show at once; a ticket detached from its incident makes the counts disagree and the view reads live; the job
 * resumes after running out of time and after storage and Jira faults.
 */
let jira: TestJira;
let r: ResolverMap;
const P = 'OPS';
const USER = 'acc-alice';
const DAY = 86_400_000;
const oracle = () => holdOracle(jira.emulator.store, P, TEST_NOW);
const view = (kvs: KeyValueStore = jira.kvs) => followUpReport(jira.platform.asUser(USER), kvs, P, TEST_NOW);
const job = (kvs: KeyValueStore = jira.kvs, budget: TimeBudget = unlimited()) =>
  keepFollowUpLedgers(jira.platform.asApp(), kvs, () => TEST_NOW, budget, { syncEveryMs: 0 });
function unlimited(): TimeBudget {
  return { ok: () => true, remainingMs: () => 60_000, exhausted: () => false };
}
/** A budget that lets `n` checks pass, then is spent. */
function checks(n: number): TimeBudget {
  let left = n;
  return { ok: () => left-- > 0, remainingMs: () => (left > 0 ? 60_000 : 0), exhausted: () => left <= 0 };
}
const issues = () => [...jira.emulator.store.issues.values()];
const incidentOf = (key: string) =>
  (issues().find((i) => i.key === key)?.properties.postmortemAction as { incident?: string } | undefined)?.incident;
const ticketsOf = (incident: string) =>
  issues().filter((i) => (i.properties.postmortemAction as { incident?: string } | undefined)?.incident === incident);
const isDone = (key: string) =>
  jira.emulator.store.statuses.get(issues().find((i) => i.key === key)?.statusId ?? '')?.category === 'done';
const published = () =>
  issues().filter((i) => (i.properties.postmortemIndex as { status?: string } | undefined)?.status === 'published');

before(async () => {
  jira = await startTestJira({
    maxPageSize: 50,
    seed: { incidents: 300, actionsPerIncident: 'varied', spanDays: 1000 },
  });
  r = buildResolvers(jira.platform);
  // Hold-period edges: an incident whose last action was resolved exactly 30 days ago (held), one 1 ms short of it
  // (not tested yet), and one whose done ticket has no resolution date (cannot be judged).
  const store = jira.emulator.store;
  const allDone = published().filter((i) => {
    const ts = ticketsOf(i.key);
    return ts.length > 0 && ts.every((t) => isDone(t.key));
  });
  assert.ok(allDone.length >= 3, 'the seed has incidents whose actions are all done');
  const edges: [number, number | null][] = [
    [0, TEST_NOW - 30 * DAY],
    [1, TEST_NOW - 30 * DAY + 1],
    [2, null],
  ];
  for (const [n, at] of edges)
    for (const t of ticketsOf(allDone[n]?.key ?? '')) {
      t.resolutiondate = at === null ? null : jiraTime(at);
      store.putIssue(t);
    }
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira?.close();
});

describe('the follow-up ledger (issue #11)', () => {
  it('before any ledger, a small project is read live and the card equals the definition', async () => {
    const o = oracle();
    assert.ok(o.cases.length > 0 && o.late > 0 && o.held.tested > o.held.count, JSON.stringify(o));
    const rep = await view();
    assert.deepEqual(rep.status, { kind: 'live' });
    assert.deepEqual(cardFigures(rep), o);
    // The view asked the job to keep this project's ledger.
    assert.ok(await jira.kvs.get(ledgerKeys.wanted(P)));
  });

  it('after the job, the view reads the ledger in one round of Jira calls and equals the definition', async () => {
    const run = await job();
    assert.equal(run.status, 'done');
    const m = metered(jira.platform.asUser(USER));
    const rep = await followUpReport(m.transport, jira.kvs, P, TEST_NOW);
    assert.equal(rep.status.kind, 'ledger');
    assert.deepEqual(cardFigures(rep), oracle());
    assert.equal(rounds(m.calls), 1);
    // No listing of the project: only what changed since the sync, counts, and the slipped count.
    assert.ok(
      m.calls.every((c) => c.issues < 20),
      JSON.stringify(m.calls.map((c) => [c.path, c.issues])),
    );
  });

  it('a ticket done, one reopened and a new repeat after the last sync show on the next view', async () => {
    const open = issues().find((i) => incidentOf(i.key) && !isDone(i.key)) ?? assert.fail('an open ticket');
    const done = issues().find((i) => incidentOf(i.key) && isDone(i.key) && i.key !== open.key);
    await transitionTo(jira, open.key, 'done');
    await transitionTo(jira, done?.key ?? '', 'open');
    // A new published incident confirmed as a repeat of an incident whose actions are all done.
    const earlier = published().find(
      (i) => ticketsOf(i.key).length > 0 && ticketsOf(i.key).every((t) => isDone(t.key)),
    );
    const c = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      as: USER,
      body: { fields: { project: { key: P }, issuetype: { name: 'Incident' }, summary: 'Again' } },
    });
    const key = (c.json as { key: string }).key;
    const doc = { ...filledPostMortem(0), status: 'published' as const, repeatOf: earlier?.key ?? null };
    const saved = await r['panel/save'](
      { doc, baseVersion: 0, syncSummary: false, summaryLoaded: '' },
      { accountId: USER, projectKey: P, issueKey: key },
    );
    assert.ok(saved.ok, JSON.stringify(saved));
    const rep = await view();
    assert.equal(rep.status.kind, 'ledger');
    assert.ok(rep.fixedButRecurred.cases.some((x) => x.incident === key));
    assert.deepEqual(cardFigures(rep), oracle());
    // The job folds them in: the next view still agrees, with nothing left to overlay.
    await job();
    assert.deepEqual((await jira.kvs.listByPrefix(ledgerKeys.markers(P))).length, 0);
    const after = await view();
    assert.equal(after.status.kind, 'ledger');
    assert.deepEqual(cardFigures(after), oracle());
  });

  it('a save in a project whose card nobody opened leaves no marker behind', async () => {
    const wanted = await jira.kvs.get(ledgerKeys.wanted(P));
    await jira.kvs.delete(ledgerKeys.wanted(P));
    const c = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      as: USER,
      body: { fields: { project: { key: P }, issuetype: { name: 'Incident' }, summary: 'Unwatched' } },
    });
    const key = (c.json as { key: string }).key;
    const saved = await r['panel/save'](
      { doc: filledPostMortem(0), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
      { accountId: USER, projectKey: P, issueKey: key },
    );
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal((await jira.kvs.listByPrefix(ledgerKeys.markers(P))).length, 0);
    await jira.kvs.set(ledgerKeys.wanted(P), wanted);
  });

  it('a ticket detached from its incident makes the counts disagree: read live, then the job rebuilds', async () => {
    const t = issues().find((i) => incidentOf(i.key) && isDone(i.key)) ?? assert.fail('a done ticket');
    const del = await raw(jira.emulator, 'DELETE', `/rest/api/3/issue/${t.key}/properties/postmortemAction`, {
      as: USER,
    });
    assert.equal(del.status, 204);
    const rep = await view();
    assert.deepEqual(rep.status, { kind: 'live' });
    assert.deepEqual(cardFigures(rep), oracle());
    // Two syncs whose counts disagree; a rebuild waits until the last full build is a day old (counts are estimates:
    // one that stays off must not rebuild every sync), meanwhile the view reads live.
    await job();
    await job();
    assert.equal((await readLedgerMeta(jira.kvs, P))?.mismatches, 2);
    await job();
    const waiting = (await readLedgerMeta(jira.kvs, P)) ?? assert.fail('a ledger');
    assert.equal(waiting.mismatches, 3);
    assert.equal(await jira.kvs.get(ledgerKeys.build(P)), undefined, 'no rebuild within the day');
    assert.deepEqual((await view()).status, { kind: 'live' });
    // A day after the last full build (its time set back, the test clock stands still), the job rebuilds.
    await jira.kvs.set(ledgerKeys.meta(P), { ...waiting, fullAt: waiting.fullAt - MISMATCH_REBUILD_MS - 1 });
    await job();
    assert.equal((await readLedgerMeta(jira.kvs, P))?.mismatches, 0);
    const rebuilt = await view();
    assert.equal(rebuilt.status.kind, 'ledger');
    assert.deepEqual(cardFigures(rebuilt), oracle());
  });

  it('a storage fault while the job stores a sync leaves the previous ledger in use, and no rebuild', async () => {
    const before = (await readLedgerMeta(jira.kvs, P)) ?? assert.fail('a ledger');
    const open = issues().find((i) => incidentOf(i.key) && !isDone(i.key)) ?? assert.fail('an open ticket');
    await transitionTo(jira, open.key, 'done');
    // The part lands and its answer is lost: the job stops; the ledger it would have replaced stays whole.
    const faults: KvsFault[] = [{ match: /^set followup-ledger-part:/, times: 1, kind: 'error-after' }];
    await assert.rejects(job(faultyKvs(jira.kvs, faults)));
    assert.equal(faults[0]?.times, 0, 'the fault fired');
    const rep = await view();
    assert.equal(rep.status.kind, 'ledger');
    assert.deepEqual(cardFigures(rep), oracle());
    const run = await job();
    assert.equal(run.status, 'done');
    assert.equal(await jira.kvs.get(ledgerKeys.build(P)), undefined, 'synced, not rebuilt');
    const meta = (await readLedgerMeta(jira.kvs, P)) ?? assert.fail('a ledger');
    assert.equal(meta.fullAt, before.fullAt);
    assert.notEqual(meta.build, before.build);
    // The parts of the ledger it replaced are gone; only the new build's remain.
    const parts = await jira.kvs.listByPrefix(`followup-ledger-part:${P}:`);
    assert.equal(parts.length, meta.parts);
    assert.deepEqual(cardFigures(await view()), oracle());
  });

  it('the job resumes after running out of time, a storage fault and a Jira fault', async () => {
    const kvs = new MemoryKvs();
    await kvs.set(ledgerKeys.wanted(P), { at: TEST_NOW });
    const first = await job(kvs, checks(3));
    assert.equal(first.status, 'paused');
    assert.ok(await kvs.get(ledgerKeys.build(P)), 'a build in progress');
    assert.equal(await readLedgerMeta(kvs, P), null);
    // The cold view meanwhile is still true (live: a small project).
    assert.deepEqual((await view(kvs)).status, { kind: 'live' });
    const faults: KvsFault[] = [{ match: /^set followup-ledger-stage:/, times: 1, kind: 'error-after' }];
    await assert.rejects(job(faultyKvs(kvs, faults)));
    assert.equal(faults[0]?.times, 0);
    jira.emulator.knobs.faults.push({ match: 'POST /rest/api/3/search/jql', status: 500, times: 1, when: 'before' });
    await assert.rejects(job(kvs));
    jira.emulator.knobs.faults = [];
    const last = await job(kvs);
    assert.equal(last.status, 'done');
    assert.equal(last.resumed, true);
    const rep = await view(kvs);
    assert.equal(rep.status.kind, 'ledger');
    assert.deepEqual(cardFigures(rep), oracle());
    assert.deepEqual((await kvs.listByPrefix('followup-ledger-stage:')).length, 0, 'staged slices cleared');
  });

  it('the scheduled run keeps the ledgers though the history fails on another project; an unwanted ledger is not used', async () => {
    const kvs = new MemoryKvs();
    await kvs.set(ledgerKeys.wanted(P), { at: TEST_NOW });
    // A project whose report was viewed and whose JQL Jira now refuses (deleted): the history job fails on it.
    await kvs.set(historyKeys.wanted('GONE'), { at: TEST_NOW });
    await assert.rejects(
      reportHistoryScheduled(
        { ...jira.platform, kvs },
        timeBudget(() => TEST_NOW, 60_000),
      ),
    );
    const rep = await view(kvs);
    assert.equal(rep.status.kind, 'ledger', 'built in the same run');
    assert.deepEqual(cardFigures(rep), oracle());
    // Saves leave no marker in a project nobody wants any more: its ledger may lack them, so it is not used.
    await kvs.delete(ledgerKeys.wanted(P));
    assert.deepEqual((await view(kvs)).status, { kind: 'live' });
  });
});
