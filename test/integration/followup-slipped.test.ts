import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import type { IssueRec } from '../../dev/emulator/state/model';
import { buildResolvers } from '../../src/resolvers/definitions';
import { runSlipped } from '../../src/services/slipped';
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

const store = () => jira.emulator.store;
const isAction = (i: IssueRec) =>
  Boolean((i.properties.postmortemAction as { incident?: string } | undefined)?.incident);
/** Worked out from the store, not by the app: open action tickets whose every sprint is closed. */
function slippedInStore(): IssueRec[] {
  return [...store().issues.values()].filter(
    (i) =>
      isAction(i) &&
      store().statuses.get(i.statusId)?.category !== 'done' &&
      i.sprintIds.length > 0 &&
      i.sprintIds.every((id) => store().sprints.get(id)?.state === 'closed'),
  );
}
/** Makes sure the world has slipped tickets: the seed's, or open ones put back into a closed sprint. */
function ensureSlipped(min = 3): string[] {
  const closed = [...store().sprints.values()].filter((s) => s.state === 'closed').sort((a, b) => b.id - a.id)[0];
  assert.ok(closed);
  for (const t of [...store().issues.values()].filter(
    (i) => isAction(i) && store().statuses.get(i.statusId)?.category !== 'done',
  )) {
    if (slippedInStore().length >= min) break;
    t.sprintIds = [closed.id];
    store().putIssue(t);
  }
  return slippedInStore().map((t) => t.key);
}
const nextFuture = () =>
  [...store().sprints.values()].filter((s) => s.state === 'future').sort((a, b) => a.rank - b.rank)[0];
const slippedComments = (key: string) =>
  (store().issuesByKey.get(key)?.comments ?? []).filter((c) => JSON.stringify(c.body).includes('post-mortem slipped'));
const prop = (key: string) => store().issuesByKey.get(key)?.properties.postmortemAction as { slipped?: number };

describe('slipped action tickets (scheduled, as the app)', () => {
  it('default policy: moves each into the next sprint with a comment saying why, once', async () => {
    const keys = ensureSlipped();
    const next = nextFuture();
    assert.ok(next);
    await followUpJob(jira.platform);
    for (const key of keys) {
      assert.deepEqual(store().issuesByKey.get(key)?.sprintIds, [next.id], `${key} is in the next sprint`);
      const c = slippedComments(key);
      assert.equal(c.length, 1, key);
      assert.match(JSON.stringify(c[0]?.body), new RegExp(`moved it into \\\\"${next.name}\\\\"`));
      assert.equal(prop(key).slipped, 1);
    }
    assert.equal(slippedInStore().length, 0);
    await followUpJob(jira.platform);
    for (const key of keys) assert.equal(slippedComments(key).length, 1, `${key}: no second comment`);
  });

  it('"flag" policy: labels and marks each, leaves it where it is, comments once; the report counts them', async () => {
    const r = buildResolvers(jira.platform);
    const as = { accountId: 'acc-alice', projectKey: 'OPS' };
    const loaded = await r['settings/load']({}, as);
    assert.ok(loaded.ok);
    const saved = await r['settings/save'](
      { settings: { ...loaded.data.settings, slippedPolicy: 'flag' }, baseVersion: loaded.data.version },
      as,
    );
    assert.ok(saved.ok);
    const keys = ensureSlipped();
    const sprintsBefore = new Map(keys.map((k) => [k, store().issuesByKey.get(k)?.sprintIds]));
    jira.emulator.knobs.faults.push({
      match: '^POST /rest/api/3/issue/[^/]+/comment$',
      status: 500,
      times: 1,
      when: 'after',
    });
    const first = await runSlipped(jira.platform.asApp(), jira.kvs, TEST_NOW, timeBudget(Date.now, 600_000));
    assert.equal(first.failed, 1, 'one comment was posted but its answer lost');
    const retry = await runSlipped(jira.platform.asApp(), jira.kvs, TEST_NOW + 300_000, timeBudget(Date.now, 600_000));
    assert.equal(retry.flagged, 1);
    for (const key of keys) {
      const t = store().issuesByKey.get(key);
      assert.ok(t?.labels.includes('postmortem-slipped'), `${key} flagged`);
      assert.deepEqual(t?.sprintIds, sprintsBefore.get(key), `${key} not moved`);
      assert.equal(slippedComments(key).length, 1, `${key}: exactly one comment despite the lost answer`);
      assert.equal(prop(key).slipped, 1);
    }
    const report = await r['report/followup']({}, as);
    assert.ok(report.ok, JSON.stringify(report));
    const flaggedInStore = [...store().issues.values()].filter((i) => isAction(i) && prop(i.key).slipped === 1);
    assert.equal(report.data.slipped.count, flaggedInStore.length);
    assert.ok(report.data.slipped.count >= keys.length);
  });
});
