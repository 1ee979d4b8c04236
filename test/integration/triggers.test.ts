import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deliver, issueUpdatedEvents } from '../../dev/forge-events';
import { ACTION_PROPERTY } from '../../src/domain/jira-names';
import type { JiraTransport } from '../../src/jira/transport';
import type { Platform } from '../../src/services/context';
import { timeBudget } from '../../src/services/job-budget';
import { kvsKeys } from '../../src/storage/kvs';
import { onActionTicketUpdated, onTimeScheduled } from '../../src/triggers/on-time';
import { scheduledHandler } from '../../src/triggers/scheduled';
import { z } from 'zod';
import { raw, startTestJira, type TestJira } from '../support/jira';

const resolvedOnTime = (jira: TestJira, key: string): unknown => {
  const prop = jira.emulator.store.issuesByKey.get(key)?.properties[ACTION_PROPERTY];
  return prop && typeof prop === 'object' ? Reflect.get(prop, 'resolvedOnTime') : undefined;
};

/** Forgets resolvedOnTime on every resolved action ticket, so the job has them all to judge. */
function forgetOnTime(jira: TestJira): string[] {
  const keys: string[] = [];
  for (const issue of [...jira.emulator.store.issues.values()].sort((a, b) => a.id - b.id)) {
    const prop = issue.properties[ACTION_PROPERTY];
    if (!prop || typeof prop !== 'object' || !issue.resolutiondate) continue;
    const { resolvedOnTime: _dropped, ...rest } = Object.fromEntries(Object.entries(prop));
    jira.emulator.store.putIssue({ ...issue, properties: { ...issue.properties, [ACTION_PROPERTY]: rest } });
    keys.push(issue.key);
  }
  return keys;
}

let clock = 0;
const MS_PER_CALL = 100;
// Time passes only when Jira is called (100 ms a call): budgets are tested without wall-clock assertions.
const clocked = (jira: TestJira): Platform => {
  const tick = (t: JiraTransport): JiraTransport => ({
    requestJira: (p, init) => {
      clock += MS_PER_CALL;
      return t.requestJira(p, init);
    },
  });
  return { ...jira.platform, asApp: () => tick(jira.platform.asApp()), now: () => clock };
};

describe('on-time job: update events', () => {
  let jira: TestJira;
  before(async () => {
    jira = await startTestJira();
  });
  after(() => jira.close());

  const openActionTickets = () =>
    [...jira.emulator.store.issues.values()].filter(
      (i) =>
        i.labels.includes('postmortem-action') && jira.emulator.store.statuses.get(i.statusId)?.category !== 'done',
    );

  it('an update the app itself makes does not run the on-time job; a person resolving an action ticket does', async () => {
    const [byApp, byPerson] = openActionTickets();
    assert.ok(byApp && byPerson);
    const from = jira.emulator.calls.length;
    const toDone = async (key: string) => {
      const list = await raw(jira.emulator, 'GET', `/rest/api/3/issue/${key}/transitions`);
      const { transitions } = z
        .object({
          transitions: z.array(
            z.object({ id: z.string(), to: z.object({ statusCategory: z.object({ key: z.string() }) }) }),
          ),
        })
        .parse(list.json);
      const done = transitions.find((t) => t.to.statusCategory.key === 'done');
      assert.ok(done, `a transition to done for ${key}`);
      return { transition: { id: done.id } };
    };
    const byAppBody = await toDone(byApp.key);
    const byPersonBody = await toDone(byPerson.key);
    assert.equal(
      (await raw(jira.emulator, 'POST', `/rest/api/3/issue/${byApp.key}/transitions`, { app: true, body: byAppBody }))
        .status,
      204,
    );
    assert.equal(
      (await raw(jira.emulator, 'POST', `/rest/api/3/issue/${byPerson.key}/transitions`, { body: byPersonBody }))
        .status,
      204,
    );
    const events = issueUpdatedEvents(jira.emulator, from);
    assert.deepEqual(
      events.map((e) => [e.issue.key, e.byApp]),
      [
        [byApp.key, true],
        [byPerson.key, false],
      ],
    );
    const invoked = events.map((e) => ({ e, fns: deliver(jira.emulator, e) }));
    assert.deepEqual(invoked[0]?.fns, [], 'the app’s own update reaches no function (ignoreSelf)');
    assert.deepEqual(invoked[1]?.fns, ['ontime-update']);
    for (const { e, fns } of invoked) if (fns.includes('ontime-update')) await onActionTicketUpdated(jira.platform, e);
    assert.equal(resolvedOnTime(jira, byApp.key), undefined, 'not judged: no event reached the job');
    assert.ok(resolvedOnTime(jira, byPerson.key) === 0 || resolvedOnTime(jira, byPerson.key) === 1);
  });

  it('an update of an issue that is not an action ticket reaches no function', async () => {
    const incident = [...jira.emulator.store.issues.values()].find((i) => !i.labels.includes('postmortem-action'));
    assert.ok(incident);
    const from = jira.emulator.calls.length;
    const r = await raw(jira.emulator, 'PUT', `/rest/api/3/issue/${incident.key}`, {
      as: 'acc-alice',
      body: { fields: { summary: `${incident.summary} (edited)` } },
    });
    assert.equal(r.status, 204);
    const [event] = issueUpdatedEvents(jira.emulator, from);
    assert.ok(event);
    assert.deepEqual(deliver(jira.emulator, event), []);
  });

  it('judges only the updated ticket, and logs a malformed event instead of failing', async () => {
    const stale = forgetOnTime(jira);
    const [one, other] = stale;
    assert.ok(one && other);
    await onActionTicketUpdated(jira.platform, { issue: { key: one } });
    assert.notEqual(resolvedOnTime(jira, one), undefined);
    assert.equal(resolvedOnTime(jira, other), undefined);
    const lines: string[] = [];
    const warn = console.warn;
    console.warn = (s: string) => lines.push(s);
    try {
      await onActionTicketUpdated(jira.platform, { issue: { key: 'not a key/../x' } });
    } finally {
      console.warn = warn;
    }
    assert.equal(lines.length, 1);
    assert.deepEqual(JSON.parse(lines[0] ?? '{}'), {
      event: 'postmortem-loop.failure',
      trigger: 'ontime-on-update',
      error: 'ZodError',
    });
  });

  it('runs to the end in a large enough budget, then forgets its cursor; a scheduled handler answers 204', async () => {
    const stale = forgetOnTime(jira);
    const marked = () => stale.filter((k) => resolvedOnTime(jira, k) !== undefined);
    const platform = clocked(jira);
    let runs = 0;
    for (;;) {
      const run = await onTimeScheduled(platform, timeBudget(platform.now, 20_000));
      runs++;
      if (run.status === 'done') break;
      assert.ok(runs < 50, 'the job makes progress run after run');
    }
    assert.deepEqual(marked(), stale);
    assert.equal(await jira.kvs.get(kvsKeys.jobCursor('on-time')), undefined);
    const logged: string[] = [];
    const log = console.log;
    console.log = (s: string) => logged.push(s);
    try {
      assert.deepEqual(await scheduledHandler('ontime-hourly', onTimeScheduled, platform)(), { statusCode: 204 });
    } finally {
      console.log = log;
    }
    assert.match(logged[0] ?? '', /"event":"postmortem-loop.job","job":"on-time","status":"done"/);
  });
});

describe('on-time job: scheduled, within a time budget, over 30,000 action tickets', () => {
  let jira: TestJira;
  let stale: string[];
  before(async () => {
    jira = await startTestJira({ seed: { incidents: 10_000, actionsPerIncident: 3 } });
    stale = forgetOnTime(jira);
  });
  after(() => jira.close());

  const puts = () =>
    jira.emulator.calls.filter((c) => c.method === 'PUT' && c.path.endsWith(`/properties/${ACTION_PROPERTY}`));
  const marked = () => stale.filter((k) => resolvedOnTime(jira, k) !== undefined);

  it('has 30,000 action tickets, thousands of them resolved and not yet judged', () => {
    const actions = [...jira.emulator.store.issues.values()].filter((i) => i.labels.includes('postmortem-action'));
    assert.equal(actions.length, 30_000);
    assert.ok(stale.length > 2_000, `${stale.length} to judge`);
  });

  it('stops within its budget, keeps a cursor, and the next run resumes after the last ticket it judged', async () => {
    const BUDGET_MS = 30_000;
    const platform = clocked(jira);
    jira.emulator.calls.length = 0;

    const start1 = clock;
    const run1 = await onTimeScheduled(platform, timeBudget(platform.now, BUDGET_MS));
    assert.equal(run1.status, 'paused');
    assert.equal(run1.resumed, false);
    assert.ok(clock - start1 <= BUDGET_MS + MS_PER_CALL, `ran ${clock - start1} ms on a ${BUDGET_MS} ms budget`);
    const after1 = marked();
    assert.equal(after1.length, run1.processed);
    assert.ok(after1.length > 100, `${after1.length} judged in the first run`);
    // The first run judged a prefix of the tickets in id order, and the cursor is the last of them.
    assert.deepEqual(after1, stale.slice(0, after1.length));
    const cursor = await jira.kvs.get(kvsKeys.jobCursor('on-time'));
    const lastId = jira.emulator.store.issuesByKey.get(after1.at(-1) ?? '')?.id;
    assert.deepEqual(cursor, { afterId: String(lastId) });

    const start2 = clock;
    const run2 = await onTimeScheduled(platform, timeBudget(platform.now, BUDGET_MS));
    assert.equal(run2.status, 'paused');
    assert.equal(run2.resumed, true);
    assert.ok(clock - start2 <= BUDGET_MS + MS_PER_CALL);
    const after2 = marked();
    assert.deepEqual(after2, stale.slice(0, after1.length + run2.processed), 'continued where run 1 stopped');
    // No ticket was written twice across the two runs.
    const paths = puts().map((c) => c.path);
    assert.equal(new Set(paths).size, paths.length);
    assert.equal(paths.length, after2.length);
  });
});
