import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IssueRec } from '../../dev/emulator/state/model';
import { linkSentences, raw, startTestJira, TEST_NOW, type TestJira } from '../support/jira';

/*
 * The emulator answers as Jira Cloud does where the app depends on it. Each test names its source; wording in
 * quotes is Jira's own (forge-and-jira-facts.md "Jira answers that matter for tests" and the pages cited).
 */
let jira: TestJira;
before(async () => {
  jira = await startTestJira({ seed: { incidents: 30, actionsPerIncident: 3, spanDays: 90 }, maxPageSize: null });
  const store = jira.emulator.store;
  // A project without the Incident type (a scheme of its own) that Erin, from another team, may browse.
  store.putProject({
    id: '10100',
    key: 'WEB',
    name: 'Web',
    leadAccountId: 'acc-erin',
    permissions: { 'acc-erin': ['ADMIN'] },
    issueTypeIds: ['10001', '10002'],
  });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const as = (accountId: string) => ({ as: accountId });
const search = (jql: string, who = 'acc-bob', extra: Record<string, unknown> = {}) =>
  raw(jira.emulator, 'POST', '/rest/api/3/search/jql', {
    ...as(who),
    body: { jql, maxResults: 5000, fields: ['key'], ...extra },
  });
const keys = (r: { json: unknown }) => ((r.json as { issues?: { key: string }[] }).issues ?? []).map((i) => i.key);
const messages = (r: { json: unknown }) => (r.json as { errorMessages: string[] }).errorMessages;

/** A copy of a seeded OPS task with its own key and the given changes, stored directly. */
function addIssue(changes: Partial<IssueRec>): IssueRec {
  const store = jira.emulator.store;
  const template = [...store.issues.values()].find((i) => i.issueTypeId === '10001');
  assert.ok(template);
  const id = store.nextId('issue', 10000);
  const issue: IssueRec = {
    ...structuredClone(template),
    id,
    key: `OPS-${store.nextId('issue-seq:10000', 1)}`,
    properties: {},
    comments: [],
    changelog: [],
    ...changes,
  };
  store.putIssue(issue);
  return issue;
}

describe('JQL values that do not exist answer 400, every one reported', () => {
  it("names each missing project, type, status, priority, sprint and key in Jira's words", async () => {
    const r = await search(
      'project in (OPS, NOPE) AND issuetype = Outage AND status = Shipped AND priority = P0 AND sprint = 999 AND key = OPS-99999',
    );
    assert.equal(r.status, 400);
    assert.deepEqual(messages(r), [
      "The value 'NOPE' does not exist for the field 'project'.",
      "The value 'Outage' does not exist for the field 'issuetype'.",
      "The value 'Shipped' does not exist for the field 'status'.",
      "The value 'P0' does not exist for the field 'priority'.",
      "The value '999' does not exist for the field 'sprint'.",
      "An issue with key 'OPS-99999' does not exist for field 'key'.",
    ]);
  });
  it('a project the user cannot browse is "does not exist", also for approximate-count', async () => {
    const r = await raw(jira.emulator, 'POST', '/rest/api/3/search/approximate-count', {
      ...as('acc-erin'),
      body: { jql: 'project = OPS' },
    });
    assert.equal(r.status, 400);
    assert.deepEqual(messages(r), ["The value 'OPS' does not exist for the field 'project'."]);
  });
  it('an issue type missing from every project the user can browse is refused (a project without Incident)', async () => {
    const r = await search('project = WEB AND issuetype = Incident', 'acc-erin');
    assert.deepEqual(messages(r), ["The value 'Incident' does not exist for the field 'issuetype'."]);
    // The same words are fine for someone who can browse a project that has the type.
    assert.equal((await search('project = OPS AND issuetype = Incident')).status, 200);
  });
});

describe('NOT, EMPTY and negative matches as in Jira', () => {
  it('`NOT field = x` equals `field != x` and leaves out empty values', async () => {
    const noDue = addIssue({ duedate: null, priorityId: null });
    const notHigh = keys(await search(`project = OPS AND NOT priority = High`));
    const neHigh = keys(await search(`project = OPS AND priority != High`));
    assert.deepEqual(notHigh.sort(), neHigh.sort());
    assert.ok(!notHigh.includes(noDue.key), 'an empty priority is left out');
  });
  it('accepts `= EMPTY` and `in (EMPTY, x)`', async () => {
    const empty = addIssue({ priorityId: null });
    const high = addIssue({ priorityId: '2' });
    const eq = keys(await search(`key in (${empty.key}, ${high.key}) AND priority = EMPTY`));
    assert.deepEqual(eq, [empty.key]);
    const list = keys(await search(`key in (${empty.key}, ${high.key}) AND priority in (EMPTY, High)`));
    assert.deepEqual(list.sort(), [empty.key, high.key].sort());
  });
});

describe('links read as Jira reads them', () => {
  it('POST /issueLink {Blocks, inwardIssue: A, outwardIssue: B} reads "A blocks B" and "B is blocked by A"', async () => {
    const a = addIssue({});
    const b = addIssue({});
    const r = await raw(jira.emulator, 'POST', '/rest/api/3/issueLink', {
      ...as('acc-bob'),
      body: { type: { name: 'Blocks' }, inwardIssue: { key: a.key }, outwardIssue: { key: b.key } },
    });
    assert.equal(r.status, 201);
    assert.deepEqual(await linkSentences(jira.emulator, a.key), [`${a.key} blocks ${b.key}`]);
    assert.deepEqual(await linkSentences(jira.emulator, b.key), [`${b.key} is blocked by ${a.key}`]);
    // linkedIssues(KEY, "description") takes the words as seen from KEY.
    assert.deepEqual(keys(await search(`issue in linkedIssues(${a.key}, "blocks")`)), [b.key]);
    assert.deepEqual(keys(await search(`issue in linkedIssues(${b.key}, "is blocked by")`)), [a.key]);
    assert.deepEqual(keys(await search(`issue in linkedIssues(${a.key}, "is blocked by")`)), []);
  });
  it('linkedIssues refuses a link type name where Jira wants a description', async () => {
    const a = addIssue({});
    const r = await search(`issue in linkedIssues(${a.key}, "Duplicate")`);
    assert.equal(r.status, 400);
    assert.match(messages(r)[0] ?? '', /Issue link type 'Duplicate' could not be found in function 'linkedIssues'/);
  });
});

describe('search pages', () => {
  it('fewer issues per page as properties are asked for, and the maxPageSize knob forces small pages', async () => {
    const jql = 'project = OPS ORDER BY key ASC';
    const ids = await search(jql, 'acc-bob', { fields: ['key'], maxResults: 5000 });
    const withProps = await search(jql, 'acc-bob', {
      fields: ['summary', 'status'],
      properties: ['postmortem', 'postmortemIndex', 'postmortemAction'],
      maxResults: 5000,
    });
    const total = keys(ids).length;
    assert.ok(keys(withProps).length < total, `${keys(withProps).length} < ${total}`);
    jira.emulator.knobs.maxPageSize = 7;
    try {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const q = new URLSearchParams({ jql, fields: 'key', maxResults: '100' });
        if (token) q.set('nextPageToken', token);
        // GET /search/jql honours nextPageToken like POST.
        const page = await raw(jira.emulator, 'GET', `/rest/api/3/search/jql?${q.toString()}`, as('acc-bob'));
        const body = page.json as { issues: { key: string }[]; nextPageToken?: string; isLast: boolean };
        assert.ok(body.issues.length <= 7);
        seen.push(...body.issues.map((i) => i.key));
        token = body.isLast ? undefined : body.nextPageToken;
      } while (token);
      assert.deepEqual(seen, keys(ids));
    } finally {
      jira.emulator.knobs.maxPageSize = null;
    }
  });
  it('refuses more than 50 reconcileIssues (the spec: "Accepts max 50 ids")', async () => {
    const ids = [...jira.emulator.store.issues.keys()].slice(0, 51);
    const r = await search('project = OPS', 'acc-bob', { reconcileIssues: ids });
    assert.equal(r.status, 400);
    assert.equal((await search('project = OPS', 'acc-bob', { reconcileIssues: ids.slice(0, 50) })).status, 200);
  });
  it('expand=names gives field names; search caps changelog at 40 histories', async () => {
    const busy = addIssue({
      changelog: Array.from({ length: 45 }, (_, n) => ({
        at: new Date(TEST_NOW - (45 - n) * 60_000).toISOString(),
        field: 'status',
        from: 'To Do',
        to: 'In Progress',
      })),
    });
    const r = await search(`key = ${busy.key}`, 'acc-bob', { fields: ['summary'], expand: 'names,changelog' });
    const body = r.json as { names: Record<string, string>; issues: { changelog: { histories: unknown[] } }[] };
    assert.deepEqual(body.names, { summary: 'Summary' });
    assert.equal(body.issues[0]?.changelog.histories.length, 40);
    const full = await raw(jira.emulator, 'GET', `/rest/api/3/issue/${busy.key}?expand=changelog`, as('acc-bob'));
    assert.equal((full.json as { changelog: { histories: unknown[] } }).changelog.histories.length, 45);
  });
});

describe('index lag and reconcileIssues', () => {
  it('search and approximate-count see a write only after the lag; reconcileIssues makes it current', async () => {
    jira.emulator.knobs.indexLagMs = 10_000;
    try {
      const created = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
        ...as('acc-bob'),
        body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'lagging', labels: ['lag'] } },
      });
      assert.equal(created.status, 201);
      const { id, key } = created.json as { id: string; key: string };
      const jql = 'project = OPS AND labels = lag';
      assert.deepEqual(keys(await search(jql)), []);
      const count = await raw(jira.emulator, 'POST', '/rest/api/3/search/approximate-count', {
        ...as('acc-bob'),
        body: { jql },
      });
      assert.deepEqual(count.json, { count: 0 });
      assert.deepEqual(keys(await search(jql, 'acc-bob', { reconcileIssues: [Number(id)] })), [key]);
      // GET issue is consistent at once.
      assert.equal((await raw(jira.emulator, 'GET', `/rest/api/3/issue/${key}`, as('acc-bob'))).status, 200);
      jira.emulator.settleIndex();
      assert.deepEqual(keys(await search(jql)), [key]);
    } finally {
      jira.emulator.knobs.indexLagMs = 0;
    }
  });
});
