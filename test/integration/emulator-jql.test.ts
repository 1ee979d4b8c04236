import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { raw, startTestJira, TEST_NOW, type TestJira } from '../support/jira';

let jira: TestJira;
before(async () => {
  jira = await startTestJira({ maxPageSize: null });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const search = (jql: string, extra: Record<string, unknown> = {}) =>
  raw(jira.emulator, 'POST', '/rest/api/3/search/jql', { body: { jql, maxResults: 5000, fields: ['key'], ...extra } });
const keys = (r: { json: unknown }) => ((r.json as { issues: { key: string }[] }).issues ?? []).map((i) => i.key);
const store = () => jira.emulator.store;
const incidents = () => [...store().issues.values()].filter((i) => i.issueTypeId === '10050');

describe("emulator JQL (Atlassian's parser)", () => {
  it('refuses JQL the parser rejects, with the parser message', async () => {
    const r = await search('project = = OPS');
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(r.json), /Error in the JQL Query/);
  });
  it('refuses an issue property path the manifest does not index', async () => {
    const r = await search('project = OPS AND issue.property[postmortem].status = "published"');
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(r.json), /not indexed/);
  });
  it('refuses unsupported fields and operators instead of guessing', async () => {
    assert.equal((await search('project = OPS AND summary ~ "cache"')).status, 400);
    assert.equal((await search('project = OPS AND status WAS Done')).status, 400);
  });
  it('decodes escapes in string literals as Jira does: a \\uXXXX escape matches the character', async () => {
    const svc = incidents()
      .map((i) => (i.properties.postmortemIndex as { service?: string } | undefined)?.service ?? '')
      .find((s) => s.length > 2);
    assert.ok(svc, 'a seeded service name');
    const plain = keys(await search(`project = OPS AND pmService = "${svc}"`)).sort();
    // The same value with its first letter written as \uXXXX: Atlassian's parser keeps "u0073..." as the value.
    const escaped = `\\u${svc.charCodeAt(0).toString(16).padStart(4, '0')}${svc.slice(1)}`;
    const decoded = keys(await search(`project = OPS AND pmService = "${escaped}"`)).sort();
    assert.ok(plain.length > 0);
    assert.deepEqual(decoded, plain);
  });
  it('refuses unbounded JQL', async () => {
    assert.equal((await search('ORDER BY created DESC')).status, 400);
  });
  it('matches project, issue type, indexed property values and their search aliases', async () => {
    const expected = incidents()
      .filter((i) => (i.properties.postmortem as { status?: string } | undefined)?.status === 'published')
      .map((i) => i.key)
      .sort();
    const a = keys(
      await search('project = OPS AND issuetype = Incident AND issue.property[postmortemIndex].status = "published"'),
    ).sort();
    const b = keys(await search('project = OPS AND type = Incident AND pmStatus = published')).sort();
    assert.ok(expected.length > 50);
    assert.deepEqual(a, expected);
    assert.deepEqual(b, expected);
  });
  it('compares numbers in indexed properties and supports IS EMPTY', async () => {
    const slow = incidents().filter(
      (i) => ((i.properties.postmortem as { ttaMinutes?: number } | undefined)?.ttaMinutes ?? -1) > 15,
    ).length;
    assert.equal(keys(await search('project = OPS AND issue.property[postmortemIndex].ttaMinutes > 15')).length, slow);
    const noRepeat = incidents().filter(
      (i) => i.properties.postmortem && !(i.properties.postmortem as { repeatOf?: string }).repeatOf,
    ).length;
    assert.equal(
      keys(
        await search(
          'project = OPS AND issue.property[postmortemIndex].status IS NOT EMPTY AND issue.property[postmortemIndex].repeatOf IS EMPTY',
        ),
      ).length,
      noRepeat,
    );
  });
  it('evaluates relative dates and date functions against the clock', async () => {
    const since = TEST_NOW - 30 * 86_400_000;
    const expected = incidents().filter((i) => Date.parse(i.created) >= since).length;
    assert.equal(keys(await search('project = OPS AND issuetype = Incident AND created >= -30d')).length, expected);
    const monthStart = Date.UTC(2026, 10, 1);
    const thisMonth = incidents().filter((i) => Date.parse(i.created) >= monthStart).length;
    assert.equal(
      keys(await search('project = OPS AND issuetype = Incident AND created >= startOfMonth()')).length,
      thisMonth,
    );
    const lastMonth = incidents().filter(
      (i) => Date.parse(i.created) >= Date.UTC(2026, 9, 1) && Date.parse(i.created) < monthStart,
    ).length;
    assert.equal(
      keys(
        await search(
          'project = OPS AND issuetype = Incident AND created >= startOfMonth(-1) AND created < startOfMonth()',
        ),
      ).length,
      lastMonth,
    );
  });
  it('supports status categories, labels, NOT and OR', async () => {
    const all = [...store().issues.values()];
    const openActions = all.filter(
      (i) => i.labels.includes('postmortem-action') && store().statuses.get(i.statusId)?.category !== 'done',
    ).length;
    assert.equal(
      keys(await search('project = OPS AND labels = postmortem-action AND NOT statusCategory = Done')).length,
      openActions,
    );
    const blockedOrTodo = all.filter((i) => i.statusId === '10002' || i.statusId === '10000').length;
    assert.equal(keys(await search('project = OPS AND (status = Blocked OR status = "To Do")')).length, blockedOrTodo);
  });
  it('finds linked issues and sprint membership', async () => {
    const incident = incidents().find(
      (i) => (i.properties.postmortem as { actionCount?: number } | undefined)?.actionCount === 3,
    );
    assert.ok(incident);
    const linked = keys(await search(`issue in linkedIssues(${incident.key}, "has action item")`)).sort();
    const byProperty = keys(
      await search(`project = OPS AND issue.property[postmortemAction].incident = "${incident.key}"`),
    ).sort();
    assert.equal(linked.length, 3);
    assert.deepEqual(linked, byProperty);
    const future = new Set([...store().sprints.values()].filter((s) => s.state === 'future').map((s) => s.id));
    const inFuture = [...store().issues.values()].filter((i) => i.sprintIds.some((s) => future.has(s))).length;
    assert.equal(keys(await search('project = OPS AND sprint in futureSprints()')).length, inFuture);
  });
  it('orders results by ORDER BY', async () => {
    const r = await search('project = OPS AND issuetype = Incident ORDER BY created ASC', { fields: ['created'] });
    const created = (r.json as { issues: { fields: { created: string } }[] }).issues.map((i) =>
      Date.parse(i.fields.created),
    );
    assert.deepEqual(
      created,
      [...created].sort((a, b) => a - b),
    );
  });
  it('returns only ids unless fields are asked for, and no total', async () => {
    const r = await raw(jira.emulator, 'POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = OPS', maxResults: 2 },
    });
    const body = r.json as Record<string, unknown> & { issues: Record<string, unknown>[] };
    assert.equal('total' in body, false);
    assert.deepEqual(Object.keys(body.issues[0]?.fields ?? {}), []);
    assert.equal(typeof body.nextPageToken, 'string');
  });
});
