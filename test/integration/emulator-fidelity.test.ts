import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IssueRec } from '../../dev/emulator/state/model';
import { jqlDate } from '../../src/domain/jql';
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

describe("JQL dates in the searching user's time zone (the demo users are in Europe/Berlin)", () => {
  // TEST_NOW is 2026-11-26 12:00 UTC, 13:00 in Berlin.
  const at = (iso: string) => addIssue({ created: iso, updated: iso });
  it('startOfDay() and date literals are read in the user zone; the app (UTC) reads them in UTC', async () => {
    const lateUtc = at('2026-11-25T23:30:00.000+0000'); // 00:30 on the 26th in Berlin
    for (const jql of [
      `key = ${lateUtc.key} AND created >= startOfDay()`,
      `key = ${lateUtc.key} AND created >= "2026-11-26 00:00"`,
      `key = ${lateUtc.key} AND created >= "2026/11/26"`,
    ]) {
      const asBob = await search(jql, 'acc-bob');
      assert.deepEqual(keys(asBob), [lateUtc.key], `${jql}: ${JSON.stringify(asBob.json).slice(0, 300)}`);
      const asApp = await raw(jira.emulator, 'POST', '/rest/api/3/search/jql', {
        app: true,
        body: { jql, fields: ['key'] },
      });
      assert.deepEqual(keys(asApp), [], `${jql} as the app (UTC)`);
    }
  });
  it("the app's JQL instants mean the same in every zone (a user west of UTC misses nothing)", async () => {
    const store = jira.emulator.store;
    store.putUser({
      accountId: 'acc-nyc',
      displayName: 'Nia York',
      email: 'nia@example.com',
      active: true,
      siteAdmin: false,
      timeZone: 'America/New_York',
    });
    const ops = store.projects.get('10000');
    assert.ok(ops);
    ops.permissions['acc-nyc'] = ['BROWSE'];
    store.putProject(ops);
    const since = '2026-11-26T09:00:00.000Z';
    const resolved = addIssue({
      resolutiondate: '2026-11-26T09:30:00.000+0000',
      resolutionId: '10000',
      statusId: '10003',
    });
    const q = (bound: string) => `key = ${resolved.key} AND resolved >= "${bound}"`;
    // The literal "2026-11-26 09:00" is 14:00 UTC in New York: a ticket resolved at 09:30 UTC would be missed.
    assert.deepEqual(keys(await search(q('2026-11-26 09:00'), 'acc-nyc')), []);
    assert.deepEqual(keys(await search(q(jqlDate(since, TEST_NOW, 'at-or-before')), 'acc-nyc')), [resolved.key]);
    assert.deepEqual(keys(await search(q(jqlDate(since, TEST_NOW, 'at-or-before')), 'acc-bob')), [resolved.key]);
  });
  it('date increments: startOfMonth("+14d") counts days, "-1w 2d" is accepted', async () => {
    const fifteenth = at('2026-11-14T23:30:00.000+0000'); // 15 Nov 00:30 in Berlin
    const fourteenth = at('2026-11-14T22:30:00.000+0000'); // 14 Nov 23:30 in Berlin
    const pair = `key in (${fifteenth.key}, ${fourteenth.key})`;
    assert.deepEqual(keys(await search(`${pair} AND created >= startOfMonth("+14d")`)), [fifteenth.key]);
    const nineDays = at('2026-11-17T13:00:00.000+0000');
    const tenDays = at('2026-11-17T11:00:00.000+0000');
    const r = await search(`key in (${nineDays.key}, ${tenDays.key}) AND created >= "-1w 2d"`);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.deepEqual(keys(r), [nineDays.key]);
    // A bare number counts the function's own unit: startOfMonth(-1) is 1 October, 00:00 in Berlin.
    const sep30 = at('2026-09-30T21:30:00.000+0000'); // 30 Sep 23:30 in Berlin
    const oct1 = at('2026-09-30T22:30:00.000+0000'); // 1 Oct 00:30 in Berlin
    const months = `key in (${sep30.key}, ${oct1.key})`;
    assert.deepEqual(keys(await search(`${months} AND created >= startOfMonth(-1)`)), [oct1.key]);
    assert.deepEqual(
      keys(await search(`${months} AND created >= startOfMonth(-2)`)).sort(),
      [sep30.key, oct1.key].sort(),
    );
  });
});

describe('workflow: transitions, resolution and resolution date', () => {
  type Transition = { id: string; name: string; to: { id: string; name: string } };
  const transitions = async (key: string) =>
    (
      (await raw(jira.emulator, 'GET', `/rest/api/3/issue/${key}/transitions`, as('acc-bob'))).json as {
        transitions: Transition[];
      }
    ).transitions;
  const move = (key: string, id: string, who = 'acc-bob') =>
    raw(jira.emulator, 'POST', `/rest/api/3/issue/${key}/transitions`, { ...as(who), body: { transition: { id } } });
  const fields = async (key: string) =>
    (
      (
        await raw(
          jira.emulator,
          'GET',
          `/rest/api/3/issue/${key}?fields=status,resolution,resolutiondate`,
          as('acc-bob'),
        )
      ).json as {
        fields: { status: { name: string }; resolution: { name: string } | null; resolutiondate: string | null };
      }
    ).fields;

  it('has transition ids of their own and only the moves the workflow allows', async () => {
    const issue = addIssue({ statusId: '10000', resolutiondate: null, resolutionId: null });
    const fromTodo = await transitions(issue.key);
    assert.ok(fromTodo.length > 0);
    assert.ok(
      fromTodo.every((t) => t.id !== t.to.id),
      'a transition id is not the target status id',
    );
    assert.ok(!fromTodo.some((t) => t.to.name === 'To Do'), 'no move to the current status');
    const done = fromTodo.find((t) => t.to.name === 'Done');
    assert.ok(done);
    assert.equal((await move(issue.key, done.id)).status, 204);
    const afterDone = await fields(issue.key);
    assert.equal(afterDone.resolution?.name, 'Done');
    assert.ok(afterDone.resolutiondate);
    // From Done only reopening is allowed: Jira answers 400 for any other transition.
    const fromDone = await transitions(issue.key);
    assert.deepEqual(
      fromDone.map((t) => t.to.name),
      ['To Do'],
    );
    const refused = await move(issue.key, done.id);
    assert.equal(refused.status, 400);
    assert.deepEqual(messages(refused), [`Transition id '${done.id}' is not valid for this issue.`]);
    assert.equal((await move(issue.key, fromDone[0]?.id ?? '')).status, 204);
    const reopened = await fields(issue.key);
    assert.equal(reopened.resolution, null);
    assert.equal(reopened.resolutiondate, null);
  });
  it('a Done-category status whose transition sets no resolution leaves `resolved` empty', async () => {
    const issue = addIssue({ statusId: '10001', resolutiondate: null, resolutionId: null });
    const close = (await transitions(issue.key)).find((t) => t.to.name === 'Closed');
    assert.ok(close);
    assert.equal((await move(issue.key, close.id)).status, 204);
    const f = await fields(issue.key);
    assert.equal(f.resolution, null);
    assert.equal(f.resolutiondate, null);
    assert.deepEqual(
      keys(
        await search(`key = ${issue.key} AND statusCategory = Done AND resolution = Unresolved AND resolved IS EMPTY`),
      ),
      [issue.key],
    );
  });
});

describe('refusals as Jira answers them (never a 500 where the spec lists 400/404)', () => {
  it("404 in Jira's words for an issue the user cannot see", async () => {
    const r = await raw(jira.emulator, 'GET', '/rest/api/3/issue/OPS-1', as('acc-erin'));
    assert.equal(r.status, 404);
    assert.deepEqual(messages(r), ['Issue does not exist or you do not have permission to see it.']);
    assert.equal((await raw(jira.emulator, 'GET', '/rest/api/3/issue/OPS-999999', as('acc-bob'))).status, 404);
  });
  it('a read-only user: transition 400, link 404, link type 404, property delete 404, comment 400', async () => {
    const issue = addIssue({ statusId: '10000' });
    const other = addIssue({});
    issue.properties.note = { a: 1 };
    jira.emulator.store.putIssue(issue);
    const dave = as('acc-dave');
    const transition = await raw(jira.emulator, 'POST', `/rest/api/3/issue/${issue.key}/transitions`, {
      ...dave,
      body: { transition: { id: '21' } },
    });
    assert.equal(transition.status, 400);
    const link = await raw(jira.emulator, 'POST', '/rest/api/3/issueLink', {
      ...dave,
      body: { type: { name: 'Relates' }, inwardIssue: { key: issue.key }, outwardIssue: { key: other.key } },
    });
    assert.equal(link.status, 404);
    const linkType = await raw(jira.emulator, 'POST', '/rest/api/3/issueLinkType', {
      ...dave,
      body: { name: 'Causes', inward: 'is caused by', outward: 'causes' },
    });
    assert.equal(linkType.status, 404);
    const del = await raw(jira.emulator, 'DELETE', `/rest/api/3/issue/${issue.key}/properties/note`, dave);
    assert.equal(del.status, 404);
    assert.deepEqual(jira.emulator.store.issuesByKey.get(issue.key)?.properties.note, { a: 1 });
    const comment = {
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] },
    };
    assert.equal(
      (await raw(jira.emulator, 'POST', `/rest/api/3/issue/${issue.key}/comment`, { ...dave, body: comment })).status,
      400,
    );
    assert.equal(
      (await raw(jira.emulator, 'POST', `/rest/api/3/issue/${issue.key}/comment`, { ...as('acc-bob'), body: comment }))
        .status,
      201,
    );
    const perms = await raw(
      jira.emulator,
      'GET',
      '/rest/api/3/mypermissions?projectKey=OPS&permissions=ADD_COMMENTS',
      dave,
    );
    assert.equal(
      (perms.json as { permissions: { ADD_COMMENTS: { havePermission: boolean } } }).permissions.ADD_COMMENTS
        .havePermission,
      false,
    );
    assert.deepEqual(jira.emulator.drift, []);
  });
  it('a known field that is not on the screen is refused, not dropped', async () => {
    const r = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      ...as('acc-bob'),
      body: {
        fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'x', resolution: { name: 'Done' } },
      },
    });
    assert.equal(r.status, 400);
    assert.deepEqual((r.json as { errors: Record<string, string> }).errors, {
      resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });
  it('sprint dates are normalised to ISO instants; property values are limited to 32,768 bytes, not characters', async () => {
    const sprint = await raw(jira.emulator, 'POST', '/rest/agile/1.0/sprint', {
      ...as('acc-alice'),
      body: { name: 'Normalised', originBoardId: 1, startDate: '2026-12-01T10:00:00+01:00', endDate: '2026-12-15' },
    });
    assert.equal(sprint.status, 201);
    const s = sprint.json as { startDate: string; endDate: string };
    assert.equal(s.startDate, '2026-12-01T09:00:00.000Z');
    assert.equal(s.endDate, '2026-12-15T00:00:00.000Z');
    const issue = addIssue({});
    const wide = 'é'.repeat(16_400); // 16,402 characters of JSON, 32,802 bytes
    const put = await raw(jira.emulator, 'PUT', `/rest/api/3/issue/${issue.key}/properties/wide`, {
      ...as('acc-bob'),
      body: JSON.stringify(wide),
    });
    assert.equal(put.status, 400);
    const fits = await raw(jira.emulator, 'PUT', `/rest/api/3/issue/${issue.key}/properties/wide`, {
      ...as('acc-bob'),
      body: JSON.stringify('é'.repeat(16_300)),
    });
    assert.equal(fits.status, 201);
  });
});
