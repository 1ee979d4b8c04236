import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compileJql } from '../../dev/emulator/jql/evaluate';
import { PropertyIndex } from '../../dev/emulator/jql/property-index';
import { raw, startTestJira, TEST_NOW, type TestJira } from '../support/jira';

/**
 * The emulator's candidate index (dev/emulator/jql/candidates.ts) may only skip issues that cannot match: every
 * query here is answered through HTTP and compared with a scan of every issue by the same compiled predicate.
 */
let jira: TestJira;
before(async () => {
  jira = await startTestJira({ maxPageSize: null, seed: { incidents: 300, actionsPerIncident: 3, spanDays: 400 } });
  const ops = [...store().projects.values()].find((p) => p.key === 'OPS');
  assert.ok(ops);
  store().putProject({ ...ops, id: '19999', key: 'PLAT', name: 'Platform' });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const store = () => jira.emulator.store;
const search = async (jql: string, reconcileIssues: number[] = []) => {
  const r = await raw(jira.emulator, 'POST', '/rest/api/3/search/jql', {
    as: 'acc-alice',
    body: { jql, maxResults: 5000, fields: ['key'], ...(reconcileIssues.length ? { reconcileIssues } : {}) },
  });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return ((r.json as { issues: { key: string }[] }).issues ?? []).map((i) => i.key);
};
/** Every issue, as search sees it (index lag included), through the same compiled query: no candidate index. */
const scanAll = (jql: string, reconcile: number[] = []) => {
  const s = store();
  const q = compileJql(jql, {
    store: s,
    index: PropertyIndex.fromManifest(),
    accountId: 'acc-alice',
    now: TEST_NOW,
    timeZone: s.users.get('acc-alice')?.timeZone || 'UTC',
    canBrowse: () => true,
  });
  const where = q.where;
  assert.ok(where);
  return [...s.issues.values()]
    .filter((i) => {
      const seen = s.indexed(i, new Set(reconcile));
      return seen !== null && where(seen);
    })
    .sort(q.compare)
    .map((i) => i.key);
};

const QUERIES = [
  'project = OPS AND issuetype = Incident',
  'project = OPS AND issuetype = Incident AND created >= -90d ORDER BY created ASC',
  'project = OPS AND issuetype = Incident AND created >= -200d AND created < -30d',
  'project = OPS AND created > -10d AND created <= -2d',
  'project in (OPS, PLAT) AND type in (Incident, Task) AND created >= "2026-01-01"',
  'project = OPS AND issue.property[postmortemAction].incident IS NOT EMPTY AND created >= -365d',
  'issuetype = Incident AND created >= -30d OR project = OPS AND created < -350d',
  'project = OPS AND NOT created >= -100d',
  'project = OPS AND (issuetype = Incident AND created >= -50d)',
  'project != OPS AND created >= -400d',
  // A key list names its issues: by key (any case), by id, with keys that match nothing else in the query.
  'project = OPS AND key IN (OPS-1, ops-2, OPS-3, 10004, OPS-250) ORDER BY created DESC',
  'issuetype = Incident AND issuekey = OPS-7',
  'project = OPS AND (key IN (OPS-1, OPS-2) OR created >= -5d)',
  'project = PLAT AND key IN (OPS-1, OPS-2)',
];

describe('emulator: candidate index', () => {
  it('answers every query exactly as a scan of all issues', async () => {
    for (const jql of QUERIES) {
      const expected = scanAll(jql);
      assert.deepEqual(await search(jql), expected, jql);
    }
    assert.ok(scanAll(QUERIES[1] ?? '').length > 20);
  });

  it('sees an issue moved to another project and one created since, and respects index lag', async () => {
    const q = 'project = OPS AND issuetype = Incident AND created >= -100d';
    const before = await search(q);
    const moved = store().issuesByKey.get(before[0] ?? '');
    assert.ok(moved);
    const other = [...store().projects.values()].find((p) => p.key !== 'OPS');
    assert.ok(other);
    jira.emulator.knobs.indexLagMs = 60_000;
    const from = moved.projectId;
    moved.projectId = other.id;
    store().putIssue(moved);
    // Within the lag search still sees it in OPS; reconciled, it is gone from OPS.
    assert.deepEqual(await search(q), scanAll(q));
    assert.ok((await search(q)).includes(moved.key));
    assert.ok(!(await search(q, [moved.id])).includes(moved.key));
    jira.emulator.settleIndex();
    assert.ok(!(await search(q)).includes(moved.key));
    moved.projectId = from;
    store().putIssue(moved);
    jira.emulator.settleIndex();
    jira.emulator.knobs.indexLagMs = 0;
    assert.deepEqual(await search(q), before);
  });
});
