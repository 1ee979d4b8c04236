import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { startTestJira, type TestJira } from '../support/jira';

/*
 * On a real site Jira answers JQL naming a project the person cannot browse, or a type the project lacks, with 400
 * ("The value 'X' does not exist for the field 'project'."). The panel and the page turn both into typed answers
 * that say what is wrong and who can fix it, instead of "Search issues failed (HTTP 400)".
 */
let jira: TestJira;
let r: ResolverMap;
let webTask = '';
before(async () => {
  jira = await startTestJira({ seed: { incidents: 20, actionsPerIncident: 'varied', spanDays: 90 } });
  r = buildResolvers(jira.platform);
  const store = jira.emulator.store;
  // A project with an issue type scheme of its own, without Incident, where Erin is admin.
  store.putProject({
    id: '10100',
    key: 'WEB',
    name: 'Web',
    leadAccountId: 'acc-erin',
    permissions: { 'acc-erin': ['ADMIN'] },
    issueTypeIds: ['10001', '10002'],
  });
  const task = [...store.issues.values()].find((i) => i.issueTypeId === '10001');
  assert.ok(task);
  const id = store.nextId('issue', 10000);
  store.putIssue({ ...structuredClone(task), id, key: 'WEB-1', projectId: '10100', properties: {} });
  webTask = 'WEB-1';
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const filters = { windowDays: 90, service: null, category: null };

describe('a person who cannot browse the project', () => {
  it('gets a "no access" answer on the page (headline and details), with Jira\'s words', async () => {
    for (const name of ['report/headline', 'report/details'] as const) {
      const res = await r[name](filters, { accountId: 'acc-erin', projectKey: 'OPS' });
      assert.equal(res.ok, false, name);
      if (res.ok) continue;
      assert.equal(res.error.code, 'NOT_FOUND');
      assert.equal(res.error.hint, 'no-access');
      assert.match(res.error.message, /No project could be found with key 'OPS'/);
      assert.match(res.error.message, /Browse projects permission/);
    }
  });
  it('gets a "no access" answer in the panel', async () => {
    const res = await r['panel/load']({}, { accountId: 'acc-erin', issueKey: 'OPS-1', projectKey: 'OPS' });
    assert.equal(res.ok, false);
    if (res.ok) return;
    assert.equal(res.error.hint, 'no-access');
    assert.match(res.error.message, /^Issue does not exist or you do not have permission to see it\./);
  });
});

describe('a project without the Incident issue type', () => {
  it('gets a "setup required" answer on the page, naming the type and who adds it', async () => {
    for (const name of ['report/headline', 'report/details'] as const) {
      const res = await r[name](filters, { accountId: 'acc-erin', projectKey: 'WEB' });
      assert.equal(res.ok, false, name);
      if (res.ok) continue;
      assert.equal(res.error.code, 'SETUP_REQUIRED');
      assert.equal(res.error.setup, 'incident-type-missing');
      assert.match(res.error.message, /Project WEB has no "Incident" issue type/);
    }
  });
  it('gets a "setup required" answer in the panel', async () => {
    const res = await r['panel/load']({}, { accountId: 'acc-erin', issueKey: webTask, projectKey: 'WEB' });
    assert.equal(res.ok, false);
    if (res.ok) return;
    assert.equal(res.error.code, 'SETUP_REQUIRED');
    assert.equal(res.error.setup, 'incident-type-missing');
  });
  it('while a non-incident in a project that has the type still says "not an incident"', async () => {
    const task = [...jira.emulator.store.issues.values()].find(
      (i) => i.issueTypeId === '10001' && i.projectId === '10000',
    );
    assert.ok(task);
    const res = await r['panel/load']({}, { accountId: 'acc-bob', issueKey: task.key, projectKey: 'OPS' });
    assert.ok(res.ok);
    assert.equal(res.data.isIncident, false);
  });
});
