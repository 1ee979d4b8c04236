import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { POSTMORTEM_PROPERTY } from '../../src/domain/jira-names';
import { buildResolvers } from '../../src/resolvers/definitions';
import { ensureSiteSetup } from '../../src/services/install';
import { kvsKeys } from '../../src/storage/kvs';
import { DEFAULT_TEST_PAGE_SIZE, startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
before(async () => {
  jira = await startTestJira();
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const incidentWithPm = () =>
  [...jira.emulator.store.issues.values()].find((i) => i.issueTypeId === '10050' && i.properties[POSTMORTEM_PROPERTY]);

describe('resolvers over the emulator', () => {
  it('panel/load returns the incident and its stored post-mortem in one round of at most seven Jira calls', async () => {
    const incident = incidentWithPm();
    assert.ok(incident);
    jira.emulator.knobs.maxPageSize = null; // the cost with Jira's usual page sizes
    jira.emulator.calls.length = 0;
    const r = await buildResolvers(jira.platform)['panel/load'](
      {},
      { accountId: 'acc-bob', issueKey: incident.key, projectKey: 'OPS' },
    );
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.data.isIncident, true);
    assert.equal(
      r.data.postmortem?.doc.service,
      (incident.properties[POSTMORTEM_PROPERTY] as { service: string }).service,
    );
    assert.ok(jira.emulator.calls.length <= 7, `${jira.emulator.calls.length} calls`);
    jira.emulator.knobs.maxPageSize = DEFAULT_TEST_PAGE_SIZE;
  });
  it('panel/load on a non-incident says so', async () => {
    const task = [...jira.emulator.store.issues.values()].find((i) => i.issueTypeId === '10001');
    assert.ok(task);
    const r = await buildResolvers(jira.platform)['panel/load']({}, { accountId: 'acc-bob', issueKey: task.key });
    assert.ok(r.ok);
    assert.equal(r.data.isIncident, false);
    assert.equal(r.data.postmortem, null);
  });
  it('a malformed stored post-mortem is reported, not replaced', async () => {
    const incident = [...jira.emulator.store.issues.values()].find((i) => i.issueTypeId === '10050');
    assert.ok(incident);
    const before = incident.properties[POSTMORTEM_PROPERTY];
    incident.properties[POSTMORTEM_PROPERTY] = { version: 'one' };
    const r = await buildResolvers(jira.platform)['panel/load']({}, { accountId: 'acc-bob', issueKey: incident.key });
    incident.properties[POSTMORTEM_PROPERTY] = before;
    assert.ok(r.ok);
    assert.equal(r.data.postmortem, null);
    assert.match(r.data.postmortemProblem ?? '', /does not match the expected format/);
  });
  it('refuses malformed payloads with a validation error', async () => {
    const r = await buildResolvers(jira.platform)['report/headline'](
      { windowDays: 'thirty', extra: 1 },
      { accountId: 'acc-bob', projectKey: 'OPS' },
    );
    assert.equal(r.ok, false);
    assert.equal(r.ok ? '' : r.error.code, 'VALIDATION');
    assert.ok((r.ok ? [] : (r.error.details ?? [])).some((d) => /windowDays/.test(d)));
  });
});

describe('install', () => {
  it('creates the Incident issue type and link types once, idempotently, as the app', async () => {
    const empty = await startTestJira({ seed: false });
    try {
      const first = await ensureSiteSetup(empty.platform.asApp(), empty.kvs);
      const second = await ensureSiteSetup(empty.platform.asApp(), empty.kvs);
      assert.equal(first.incidentTypeId, second.incidentTypeId);
      const types = [...empty.emulator.store.issueTypes.values()].filter((t) => t.name === 'Incident');
      assert.equal(types.length, 1);
      assert.equal(
        [...empty.emulator.store.linkTypes.values()].filter((l) => l.name.startsWith('Post-mortem')).length,
        2,
      );
      assert.equal(first.sprintFieldId, 'customfield_10107');
      assert.deepEqual(await empty.kvs.get(kvsKeys.siteConfig()), second);
    } finally {
      await empty.close();
    }
  });
});
