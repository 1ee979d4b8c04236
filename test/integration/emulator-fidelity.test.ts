import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jqlDate } from '../../src/domain/jql';
import { linkSentences, raw, TEST_NOW } from '../support/jira';
import { fidelityWorld } from '../support/fidelity';

/*
 * The emulator answers as Jira Cloud does where the app depends on it. Each test names its source; wording in
 * quotes is Jira's own (forge-and-jira-facts.md "Jira answers that matter for tests" and the pages cited).
 */
const f = fidelityWorld();
const { as, search, keys, messages, addIssue } = f;

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
    const r = await raw(f.jira().emulator, 'POST', '/rest/api/3/search/approximate-count', {
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
    const r = await raw(f.jira().emulator, 'POST', '/rest/api/3/issueLink', {
      ...as('acc-bob'),
      body: { type: { name: 'Blocks' }, inwardIssue: { key: a.key }, outwardIssue: { key: b.key } },
    });
    assert.equal(r.status, 201);
    assert.deepEqual(await linkSentences(f.jira().emulator, a.key), [`${a.key} blocks ${b.key}`]);
    assert.deepEqual(await linkSentences(f.jira().emulator, b.key), [`${b.key} is blocked by ${a.key}`]);
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
    f.jira().emulator.knobs.maxPageSize = 7;
    try {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const q = new URLSearchParams({ jql, fields: 'key', maxResults: '100' });
        if (token) q.set('nextPageToken', token);
        // GET /search/jql honours nextPageToken like POST.
        const page = await raw(f.jira().emulator, 'GET', `/rest/api/3/search/jql?${q.toString()}`, as('acc-bob'));
        const body = page.json as { issues: { key: string }[]; nextPageToken?: string; isLast: boolean };
        assert.ok(body.issues.length <= 7);
        seen.push(...body.issues.map((i) => i.key));
        token = body.isLast ? undefined : body.nextPageToken;
      } while (token);
      assert.deepEqual(seen, keys(ids));
    } finally {
      f.jira().emulator.knobs.maxPageSize = null;
    }
  });
  it('refuses more than 50 reconcileIssues (the spec: "Accepts max 50 ids")', async () => {
    const ids = [...f.jira().emulator.store.issues.keys()].slice(0, 51);
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
    const full = await raw(f.jira().emulator, 'GET', `/rest/api/3/issue/${busy.key}?expand=changelog`, as('acc-bob'));
    assert.equal((full.json as { changelog: { histories: unknown[] } }).changelog.histories.length, 45);
  });
});

describe('index lag and reconcileIssues', () => {
  it('search and approximate-count see a write only after the lag; reconcileIssues makes it current', async () => {
    f.jira().emulator.knobs.indexLagMs = 10_000;
    try {
      const created = await raw(f.jira().emulator, 'POST', '/rest/api/3/issue', {
        ...as('acc-bob'),
        body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'lagging', labels: ['lag'] } },
      });
      assert.equal(created.status, 201);
      const { id, key } = created.json as { id: string; key: string };
      const jql = 'project = OPS AND labels = lag';
      assert.deepEqual(keys(await search(jql)), []);
      const count = await raw(f.jira().emulator, 'POST', '/rest/api/3/search/approximate-count', {
        ...as('acc-bob'),
        body: { jql },
      });
      assert.deepEqual(count.json, { count: 0 });
      assert.deepEqual(keys(await search(jql, 'acc-bob', { reconcileIssues: [Number(id)] })), [key]);
      // GET issue is consistent at once.
      assert.equal((await raw(f.jira().emulator, 'GET', `/rest/api/3/issue/${key}`, as('acc-bob'))).status, 200);
      f.jira().emulator.settleIndex();
      assert.deepEqual(keys(await search(jql)), [key]);
    } finally {
      f.jira().emulator.knobs.indexLagMs = 0;
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
      const asApp = await raw(f.jira().emulator, 'POST', '/rest/api/3/search/jql', {
        app: true,
        body: { jql, fields: ['key'] },
      });
      assert.deepEqual(keys(asApp), [], `${jql} as the app (UTC)`);
    }
  });
  it("the app's JQL instants mean the same in every zone (a user west of UTC misses nothing)", async () => {
    const store = f.jira().emulator.store;
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
