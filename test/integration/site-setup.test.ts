import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { ACTION_LINK_TYPE, REPEAT_LINK_TYPE } from '../../src/domain/jira-names';
import { buildResolvers } from '../../src/resolvers/definitions';
import { ensureSiteSetup, recordedSetup } from '../../src/services/install';
import { kvsKeys } from '../../src/storage/kvs';
import { filledPostMortem, newIncident } from '../support/incidents';
import { startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
beforeEach(async () => {
  await jira?.close();
  jira = await startTestJira();
});
after(async () => {
  await jira?.close();
});

const ctx = (issueKey: string, accountId = 'acc-bob') => ({ accountId, issueKey, projectKey: 'OPS' });
const linkTypeNames = () => [...jira.emulator.store.linkTypes.values()].map((t) => t.name).sort();
const captureLogs = async <T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> => {
  const lines: string[] = [];
  const [warn, error] = [console.warn, console.error];
  console.warn = console.error = (s: string) => lines.push(s);
  try {
    return { result: await run(), lines };
  } finally {
    [console.warn, console.error] = [warn, error];
  }
};

describe('setup that heals itself', () => {
  it('a site whose link types were deleted after install gets them back on first use', async () => {
    const installed = await recordedSetup(jira.kvs);
    assert.ok(installed, 'install recorded the setup by id');
    for (const [id, t] of jira.emulator.store.linkTypes)
      if (t.name === ACTION_LINK_TYPE.name || t.name === REPEAT_LINK_TYPE.name)
        jira.emulator.store.linkTypes.delete(id);
    assert.ok(!linkTypeNames().includes(ACTION_LINK_TYPE.name));

    const r = buildResolvers(jira.platform);
    const key = await newIncident(jira);
    assert.ok(
      (
        await r['panel/save'](
          { doc: filledPostMortem(1), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
          ctx(key),
        )
      ).ok,
    );
    const created = await r['actions/create']({ requestId: 'heal-request-1' }, ctx(key));
    assert.ok(created.ok, JSON.stringify(created));

    assert.ok(linkTypeNames().includes(ACTION_LINK_TYPE.name) && linkTypeNames().includes(REPEAT_LINK_TYPE.name));
    const store = jira.emulator.store;
    const incident = store.issuesByKey.get(key);
    const link = [...store.links.values()].find(
      (l) => l.outwardIssueId === incident?.id || l.inwardIssueId === incident?.id,
    );
    assert.equal(store.linkTypes.get(link?.typeId ?? '')?.name, ACTION_LINK_TYPE.name, 'the ticket is linked');
    const healed = await recordedSetup(jira.kvs);
    assert.equal(healed?.actionLinkTypeId, link?.typeId, 'the new link type is remembered by id');
    assert.notEqual(healed?.actionLinkTypeId, installed.actionLinkTypeId);
  });

  it('makes the setup on the first resolver call when install never recorded it, then only reads it', async () => {
    await jira.kvs.delete(kvsKeys.siteConfig());
    for (const [id, t] of jira.emulator.store.linkTypes)
      if (t.name === ACTION_LINK_TYPE.name) jira.emulator.store.linkTypes.delete(id);
    const r = buildResolvers(jira.platform);
    const key = await newIncident(jira);
    assert.ok((await r['panel/load']({}, ctx(key))).ok);
    assert.ok(linkTypeNames().includes(ACTION_LINK_TYPE.name));
    assert.ok(await recordedSetup(jira.kvs));
    jira.emulator.calls.length = 0;
    assert.ok((await r['panel/load']({}, ctx(key))).ok);
    assert.equal(
      jira.emulator.calls.filter((c) => /issueLinkType|\/issuetype$/.test(c.path)).length,
      0,
      'no setup calls once it is recorded',
    );
  });

  it('is idempotent and keeps the ids it recorded', async () => {
    const first = await ensureSiteSetup(jira.platform.asApp(), jira.kvs);
    const again = await ensureSiteSetup(jira.platform.asApp(), jira.kvs);
    assert.deepEqual(again, first);
    assert.equal(linkTypeNames().filter((n) => n === ACTION_LINK_TYPE.name).length, 1);
  });

  it('says exactly what an admin must do when the app may not create its link types', async () => {
    await jira.kvs.delete(kvsKeys.siteConfig());
    for (const [id, t] of jira.emulator.store.linkTypes)
      if (t.name === ACTION_LINK_TYPE.name) jira.emulator.store.linkTypes.delete(id);
    jira.emulator.knobs.faults.push({
      match: '^POST /rest/api/3/issueLinkType$',
      status: 403,
      times: 5,
      when: 'before',
    });
    const r = buildResolvers(jira.platform);
    const key = await newIncident(jira);
    const { result, lines } = await captureLogs(() => r['panel/load']({}, ctx(key)));
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'SETUP_REQUIRED');
    assert.equal(result.error.setup, 'no-admin-right');
    assert.match(result.error.message, /A Jira admin must create .*"Post-mortem action"/);
    // Logged once, structured, without personal data.
    assert.equal(lines.length, 1);
    const line: unknown = JSON.parse(lines[0] ?? '{}');
    assert.deepEqual(line, {
      event: 'postmortem-loop.failure',
      resolver: 'panel/load',
      issueKey: key,
      projectKey: 'OPS',
      code: 'SETUP_REQUIRED',
      error: 'AppFailure:SETUP_REQUIRED',
    });
  });

  it('says issue linking must be turned on when Jira has it off', async () => {
    await jira.kvs.delete(kvsKeys.siteConfig());
    jira.emulator.knobs.faults.push({
      match: '^GET /rest/api/3/issueLinkType$',
      status: 404,
      times: 5,
      when: 'before',
    });
    const r = buildResolvers(jira.platform);
    const key = await newIncident(jira);
    const { result } = await captureLogs(() => r['panel/load']({}, ctx(key)));
    assert.ok(!result.ok);
    assert.equal(result.error.setup, 'issue-linking-off');
    assert.match(result.error.message, /turn it on/);
  });
});

describe('structured failure log', () => {
  it('logs one line per failure with the resolver, issue, Jira status and RateLimit-Reason, no account id', async () => {
    const r = buildResolvers(jira.platform);
    const key = await newIncident(jira);
    jira.emulator.knobs.faults.push({
      match: `^GET /rest/api/3/issue/${key}$`,
      status: 429,
      times: 10,
      when: 'before',
      reason: 'jira-quota-tenant-based',
    });
    const { result, lines } = await captureLogs(() => r['panel/load']({}, ctx(key, 'acc-bob')));
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'RATE_LIMITED');
    assert.equal(lines.length, 1);
    assert.deepEqual(JSON.parse(lines[0] ?? '{}'), {
      event: 'postmortem-loop.failure',
      resolver: 'panel/load',
      issueKey: key,
      projectKey: 'OPS',
      code: 'RATE_LIMITED',
      jiraStatus: 429,
      operation: `Read issue ${key}`,
      rateLimitReason: 'jira-quota-tenant-based',
      error: 'JiraError',
    });
    assert.doesNotMatch(lines[0] ?? '', /acc-bob/);
  });

  it('logs a refused payload once, without the payload', async () => {
    const r = buildResolvers(jira.platform);
    const { result, lines } = await captureLogs(() =>
      r['panel/save']({ doc: { secret: 'Alice typed this' } }, ctx('OPS-1')),
    );
    assert.ok(!result.ok);
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0] ?? '', /Alice typed this/);
    assert.match(lines[0] ?? '', /"resolver":"panel\/save".*"code":"VALIDATION".*"error":"ZodError"/);
  });
});
