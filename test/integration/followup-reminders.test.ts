import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import type { IssueRec } from '../../dev/emulator/state/model';
import { buildResolvers } from '../../src/resolvers/definitions';
import { runReminders } from '../../src/services/reminders';
import { timeBudget } from '../../src/services/job-budget';
import { followUpJob } from '../../src/triggers/follow-up';
import { startTestJira, TEST_NOW, type TestJira } from '../support/jira';

let jira: TestJira;
beforeEach(async () => {
  await jira?.close();
  jira = await startTestJira({ seed: { incidents: 40, actionsPerIncident: 3, spanDays: 200 } });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira?.close();
});

const DAY = 86_400_000;
const store = () => jira.emulator.store;
const isAction = (i: IssueRec) =>
  Boolean((i.properties.postmortemAction as { incident?: string } | undefined)?.incident);
/** Worked out from the store itself, not by the app: open action tickets due before `today`. */
function overdueOn(today: string): IssueRec[] {
  return [...store().issues.values()].filter(
    (i) =>
      isAction(i) && store().statuses.get(i.statusId)?.category !== 'done' && i.duedate !== null && i.duedate < today,
  );
}
const reminders = (i: IssueRec) =>
  (store().issuesByKey.get(i.key)?.comments ?? []).filter((c) =>
    JSON.stringify(c.body).includes('post-mortem reminder'),
  );
const TODAY = new Date(TEST_NOW).toISOString().slice(0, 10);
const run = (now = TEST_NOW, budgetMs = 600_000) =>
  runReminders(jira.platform.asApp(), jira.kvs, now, timeBudget(Date.now, budgetMs));
const fault = (when: 'before' | 'after', times: number) =>
  jira.emulator.knobs.faults.push({ match: '^POST /rest/api/3/issue/[^/]+/comment$', status: 500, times, when });

describe('reminders for overdue action tickets (scheduled, as the app)', () => {
  it('comments once on each overdue, open ticket: mentioning the owner, linking the incident; a second run adds none', async () => {
    const overdue = overdueOn(TODAY);
    assert.ok(overdue.length >= 5, `the seed has overdue tickets (${overdue.length})`);
    await followUpJob(jira.platform);
    for (const t of overdue) {
      const got = reminders(t);
      assert.equal(got.length, 1, `${t.key}: one reminder`);
      const body = JSON.stringify(got[0]?.body);
      const prop = store().issuesByKey.get(t.key)?.properties.postmortemAction as { incident: string };
      if (t.assigneeId) assert.match(body, new RegExp(`"type":"mention","attrs":\\{"id":"${t.assigneeId}"`));
      assert.ok(body.includes(`/browse/${prop.incident}`), 'links the incident');
      assert.equal(got[0]?.authorId, 'app-postmortem-loop', 'posted as the app');
    }
    const done = [...store().issues.values()].filter((i) => isAction(i) && !overdue.includes(i));
    for (const t of done) assert.equal(reminders(t).length, 0, `${t.key}: not overdue, no reminder`);
    const second = await run();
    assert.equal(second.posted, 0);
    for (const t of overdue) assert.equal(reminders(t).length, 1);
  });

  it('never posts twice for one period when answers are lost, calls fail, or two runs overlap', async () => {
    const overdue = overdueOn(TODAY);
    fault('after', 3); // posted, but the answer is lost
    fault('before', 2); // refused before anything happened
    const first = await run();
    assert.equal(first.failed, 5);
    const [a, b] = await Promise.all([run(), run()]);
    assert.equal(a.recovered + b.recovered, 3, 'the three lost answers are found by their marker, not re-posted');
    assert.equal(a.posted + b.posted, 2, 'the two refused ones are posted now, by one of the two runs');
    for (const t of overdue) assert.equal(reminders(t).length, 1, `${t.key}: exactly one reminder`);
  });

  it('weekly until done: one more in the next period, none once done; "once" and "off" per project', async () => {
    const overdue = overdueOn(TODAY);
    await run();
    const later = TEST_NOW + 7 * DAY;
    const closed = overdue[0];
    assert.ok(closed);
    closed.statusId = '10003';
    store().putIssue(closed);
    await run(later);
    await run(later);
    for (const t of overdue) assert.equal(reminders(t).length, t === closed ? 1 : 2, t.key);

    const r = buildResolvers(jira.platform);
    const loaded = await r['settings/load']({}, { accountId: 'acc-alice', projectKey: 'OPS' });
    assert.ok(loaded.ok);
    const once = await r['settings/save'](
      { settings: { ...loaded.data.settings, reminderCadence: 'once' }, baseVersion: loaded.data.version },
      { accountId: 'acc-alice', projectKey: 'OPS' },
    );
    assert.ok(once.ok, JSON.stringify(once));
    await run(later + 7 * DAY);
    // "once": tickets reminded before get no more; tickets overdue since then get their one reminder.
    for (const t of overdue) assert.equal(reminders(t).length, t === closed ? 1 : 2, t.key);
    const newlyLate = overdueOn(new Date(later + 7 * DAY).toISOString().slice(0, 10)).filter(
      (t) => !overdue.some((o) => o.key === t.key),
    );
    for (const t of newlyLate) assert.equal(reminders(t).length, 1, t.key);

    const off = await r['settings/save'](
      { settings: { ...loaded.data.settings, reminderCadence: 'off' }, baseVersion: once.data.version },
      { accountId: 'acc-alice', projectKey: 'OPS' },
    );
    assert.ok(off.ok, JSON.stringify(off));
    assert.equal((await run(later + 60 * DAY)).posted, 0, '"off": no reminders at all');
  });

  it('stops within its time budget and the next run resumes where it stopped', async () => {
    const overdue = overdueOn(TODAY);
    let tick = 0;
    // A clock that advances one second per reading: a 9-second budget with 5 s reserved allows a few tickets.
    const clock = () => (tick += 1000);
    const runs = [];
    for (let n = 0; n < 100; n++) {
      const r = await runReminders(jira.platform.asApp(), jira.kvs, TEST_NOW, timeBudget(clock, 9_000));
      runs.push(r);
      if (r.complete) break;
    }
    assert.ok(runs.length > 2, `took several runs (${runs.length})`);
    assert.equal(runs.at(-1)?.complete, true);
    assert.equal(
      runs.reduce((s, r) => s + r.posted, 0),
      overdue.length,
    );
    for (const t of overdue) assert.equal(reminders(t).length, 1, t.key);
  });
});
