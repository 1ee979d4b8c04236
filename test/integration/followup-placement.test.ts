import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { KANBAN_PROJECT, SELECTED_STATUS, seedKanbanProject } from '../../dev/seed/followup';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { filledPostMortem } from '../support/incidents';
import { raw, startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
let r: ResolverMap;
let queued: string[] = [];
beforeEach(async () => {
  await jira?.close();
  jira = await startTestJira();
  queued = seedKanbanProject(jira.emulator.store, Date.parse('2026-11-26T12:00:00Z')).queued;
  r = buildResolvers(jira.platform);
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira?.close();
});

const store = () => jira.emulator.store;
const ctx = (projectKey: string, issueKey?: string, accountId = 'acc-alice') => ({ accountId, issueKey, projectKey });
const ticketsOf = (key: string) =>
  [...store().issues.values()]
    .filter((i) => (i.properties.postmortemAction as { incident?: string } | undefined)?.incident === key)
    .sort(
      (a, b) =>
        (a.properties.postmortemAction as { slot: number }).slot -
        (b.properties.postmortemAction as { slot: number }).slot,
    );

async function incidentIn(projectKey: string): Promise<string> {
  const c = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
    as: 'acc-alice',
    body: {
      fields: { project: { key: projectKey }, issuetype: { name: 'Incident' }, summary: 'Card payments declined' },
    },
  });
  assert.equal(c.status, 201, JSON.stringify(c.json));
  const key = (c.json as { key: string }).key;
  const saved = await r['panel/save'](
    { doc: filledPostMortem(3), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
    ctx(projectKey, key),
  );
  assert.ok(saved.ok, JSON.stringify(saved));
  return key;
}

/** Board order as Jira's Agile API reports it (rank order), for the given column's statuses. */
async function columnOrder(boardId: number, statusId: string): Promise<string[]> {
  const res = await raw(
    jira.emulator,
    'GET',
    `/rest/agile/1.0/board/${boardId}/issue?jql=${encodeURIComponent(`status = ${statusId}`)}&maxResults=50`,
  );
  assert.equal(res.status, 200, JSON.stringify(res.json));
  return (res.json as { issues: { key: string }[] }).issues.map((i) => i.key);
}

describe('due dates from priority (defaults: P1 15 days, P2 30 days, P3 end of next sprint)', () => {
  it('a scrum project: P1 and P2 by days, P3 at the end of the next sprint', async () => {
    const key = await incidentIn('OPS');
    const created = await r['actions/create']({ requestId: 'req-scrum-0001' }, ctx('OPS', key));
    assert.ok(created.ok, JSON.stringify(created));
    // Today is 2026-11-26; the next sprint has no dates yet, so it is taken to end two weeks from today.
    assert.deepEqual(
      ticketsOf(key).map((t) => t.duedate),
      ['2026-12-11', '2026-12-26', '2026-12-10'],
    );
  });

  it("the project's own targets replace the defaults", async () => {
    const loaded = await r['settings/load']({}, ctx('OPS'));
    assert.ok(loaded.ok);
    const saved = await r['settings/save'](
      { settings: { ...loaded.data.settings, dueTargets: { P1: 3, P2: 7, P3: 21 } }, baseVersion: loaded.data.version },
      ctx('OPS'),
    );
    assert.ok(saved.ok, JSON.stringify(saved));
    const key = await incidentIn('OPS');
    assert.ok((await r['actions/create']({ requestId: 'req-scrum-0002' }, ctx('OPS', key))).ok);
    assert.deepEqual(
      ticketsOf(key).map((t) => t.duedate),
      ['2026-11-29', '2026-12-03', '2026-12-17'],
    );
  });
});

describe('Kanban: Rule 2 without sprints', () => {
  it('puts each ticket at the top of the first column after the backlog, due by priority (P3: 60 days)', async () => {
    const key = await incidentIn(KANBAN_PROJECT.key);
    const created = await r['actions/create']({ requestId: 'req-kanban-001' }, ctx(KANBAN_PROJECT.key, key));
    assert.ok(created.ok, JSON.stringify(created));
    assert.deepEqual(
      created.data.items.map((i) => i.state),
      ['created', 'created', 'created'],
      JSON.stringify(created.data.items),
    );
    assert.equal(created.data.sprint, null);
    assert.deepEqual(created.data.board, { id: 20, name: 'Payments flow', column: 'Selected for Development' });
    const tickets = ticketsOf(key);
    assert.equal(tickets.length, 3);
    for (const t of tickets) {
      assert.equal(t.statusId, SELECTED_STATUS.id, `${t.key} is in "Selected for Development", not the backlog`);
      assert.deepEqual(t.sprintIds, []);
    }
    assert.deepEqual(
      tickets.map((t) => t.duedate),
      ['2026-12-11', '2026-12-26', '2027-01-25'],
    );
    const order = await columnOrder(20, SELECTED_STATUS.id);
    assert.deepEqual(order.slice(3), queued, 'the work queued before stays below, in its order');
    assert.deepEqual(new Set(order.slice(0, 3)), new Set(tickets.map((t) => t.key)), 'the new tickets are on top');
    // The last one placed is the topmost: each goes to the top when it is created.
    assert.equal(order[0], tickets[2]?.key);

    const again = await r['actions/create']({ requestId: 'req-kanban-002' }, ctx(KANBAN_PROJECT.key, key));
    assert.ok(again.ok);
    assert.equal(ticketsOf(key).length, 3, 'a retry creates nothing more');
  });

  it('with several boards, the settings choose the board', async () => {
    store().putBoard({ id: 21, name: 'Payments ops', type: 'kanban', projectId: KANBAN_PROJECT.id });
    const loaded = await r['settings/load']({}, ctx(KANBAN_PROJECT.key));
    assert.ok(loaded.ok);
    assert.deepEqual(
      loaded.data.boards.map((b) => b.id),
      [20, 21],
    );
    const saved = await r['settings/save'](
      { settings: { ...loaded.data.settings, boardId: 21 }, baseVersion: loaded.data.version },
      ctx(KANBAN_PROJECT.key),
    );
    assert.ok(saved.ok, JSON.stringify(saved));
    const key = await incidentIn(KANBAN_PROJECT.key);
    const created = await r['actions/create']({ requestId: 'req-kanban-003' }, ctx(KANBAN_PROJECT.key, key));
    assert.ok(created.ok, JSON.stringify(created));
    assert.deepEqual(created.data.board, { id: 21, name: 'Payments ops', column: 'To Do' });
    assert.deepEqual(
      created.data.items.map((i) => i.state),
      ['created', 'created', 'created'],
      JSON.stringify(created.data.items),
    );
    // Board 21 has no backlog column: its first column is "To Do", where new tickets already are.
    for (const t of ticketsOf(key)) assert.equal(t.statusId, '10000');
    const top = await columnOrder(21, '10000');
    assert.deepEqual(new Set(top.slice(0, 3)), new Set(ticketsOf(key).map((t) => t.key)));
  });
});
