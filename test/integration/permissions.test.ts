import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildResolvers } from '../../src/resolvers/definitions';
import { raw, startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
before(async () => {
  jira = await startTestJira();
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

describe('permissions: every request is made as a user', () => {
  it('a read-only user may browse but not edit: 403', async () => {
    assert.equal((await raw(jira.emulator, 'GET', '/rest/api/3/issue/OPS-1', { as: 'acc-dave' })).status, 200);
    const put = await raw(jira.emulator, 'PUT', '/rest/api/3/issue/OPS-1/properties/postmortem', {
      as: 'acc-dave',
      body: { x: 1 },
    });
    assert.equal(put.status, 403);
    assert.match(JSON.stringify(put.json), /permission to edit issue OPS-1/);
  });
  it('a user without create permission gets 403 on create', async () => {
    const r = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      as: 'acc-dave',
      body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'x' } },
    });
    assert.equal(r.status, 403);
  });
  it('a user who may not browse the project sees neither issues nor search results', async () => {
    assert.equal((await raw(jira.emulator, 'GET', '/rest/api/3/issue/OPS-1', { as: 'acc-erin' })).status, 404);
    const s = await raw(jira.emulator, 'POST', '/rest/api/3/search/approximate-count', {
      as: 'acc-erin',
      body: { jql: 'project = OPS' },
    });
    // Jira answers 400 for a project the user cannot browse, exactly as for one that does not exist.
    assert.equal(s.status, 400);
    assert.deepEqual(s.json, {
      errorMessages: ["The value 'OPS' does not exist for the field 'project'."],
      errors: {},
    });
  });
  it("the panel shows Jira's refusal plainly to someone who may not see the incident", async () => {
    const r = await buildResolvers(jira.platform)['panel/load']({}, { accountId: 'acc-erin', issueKey: 'OPS-1' });
    assert.equal(r.ok, false);
    assert.equal(r.ok ? '' : r.error.code, 'NOT_FOUND');
    assert.match(r.ok ? '' : r.error.message, /does not exist or you do not have permission/);
  });
  it('only a site admin or the app may create issue types', async () => {
    const r = await raw(jira.emulator, 'POST', '/rest/api/3/issuetype', {
      as: 'acc-alice',
      body: { name: 'Outage', hierarchyLevel: 0 },
    });
    assert.equal(r.status, 403);
  });
});
