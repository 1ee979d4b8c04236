import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KANBAN_PROJECT, seedKanbanProject } from '../../dev/seed/followup';
import { jiraTime } from '../../dev/emulator/state/model';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { filledPostMortem } from '../support/incidents';
import { raw, startTestJira, TEST_NOW, type TestJira } from '../support/jira';

let jira: TestJira;
let r: ResolverMap;
const P = KANBAN_PROJECT.key;
const as = (issueKey?: string) => ({ accountId: 'acc-alice', projectKey: P, issueKey });
const DAY = 86_400_000;

async function incident(summary: string, opts: { actions: number; repeatOf?: string }): Promise<string> {
  const c = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
    as: 'acc-alice',
    body: { fields: { project: { key: P }, issuetype: { name: 'Incident' }, summary } },
  });
  assert.equal(c.status, 201, JSON.stringify(c.json));
  const key = (c.json as { key: string }).key;
  const doc = filledPostMortem(opts.actions);
  doc.status = 'published';
  doc.actionItems = doc.actionItems.map((a) => ({ ...a, dueDate: '2026-12-20' }));
  doc.repeatOf = opts.repeatOf ?? null;
  const saved = await r['panel/save']({ doc, baseVersion: 0, syncSummary: false, summaryLoaded: '' }, as(key));
  assert.ok(saved.ok, JSON.stringify(saved));
  if (opts.actions > 0) assert.ok((await r['actions/create']({ requestId: `req-hold-${key}` }, as(key))).ok);
  return key;
}
/** Marks an incident's action tickets done `daysAgo` days before the test's "now". */
function finishActions(incidentKey: string, daysAgo: number) {
  const store = jira.emulator.store;
  for (const t of store.issues.values()) {
    if ((t.properties.postmortemAction as { incident?: string } | undefined)?.incident !== incidentKey) continue;
    t.statusId = '10003';
    t.resolutiondate = jiraTime(TEST_NOW - daysAgo * DAY);
    store.putIssue(t);
  }
}

let keys: Record<string, string> = {};
before(async () => {
  jira = await startTestJira();
  seedKanbanProject(jira.emulator.store, TEST_NOW);
  r = buildResolvers(jira.platform);
  // A known world (no-recurrence period: the default 30 days):
  //   fixed: actions done 50 days ago, then repeated by "again"  -> fixed but recurred
  //   late:  action still open when repeated by "lateAgain"     -> late follow-up
  //   held:  actions done 40 days ago, never repeated           -> held
  //   fresh: actions done 10 days ago                           -> not tested yet
  const fixed = await incident('Card auth timeouts', { actions: 2 });
  finishActions(fixed, 50);
  const late = await incident('Refund queue stuck', { actions: 1 });
  const held = await incident('Settlement file late', { actions: 1 });
  finishActions(held, 40);
  const fresh = await incident('3DS provider errors', { actions: 1 });
  finishActions(fresh, 10);
  const again = await incident('Card auth timeouts again', { actions: 0, repeatOf: fixed });
  const lateAgain = await incident('Refund queue stuck again', { actions: 0, repeatOf: late });
  keys = { fixed, late, held, fresh, again, lateAgain };
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira?.close();
});

describe('did the action hold (through the emulator)', () => {
  it('the report counts "fixed but recurred" and late follow-up apart, lists the cases, and gives the held rate', async () => {
    const rep = await r['report/followup']({}, as());
    assert.ok(rep.ok, JSON.stringify(rep));
    assert.deepEqual(rep.data.fixedButRecurred.cases, [{ incident: keys.again, earlier: keys.fixed }]);
    assert.equal(rep.data.fixedButRecurred.count, 1);
    assert.equal(rep.data.lateFollowUp.count, 1);
    assert.deepEqual(rep.data.held, { count: 1, tested: 2, rate: 0.5 });
    assert.equal(rep.data.holdDays, 30);
  });

  it("the earlier incident's panel says it recurred, and whether its actions were all done then", async () => {
    const fixed = await r['panel/followup']({}, as(keys.fixed));
    assert.ok(fixed.ok, JSON.stringify(fixed));
    assert.deepEqual(fixed.data.recurredBy, [{ key: keys.again, whileOpen: false }]);
    const late = await r['panel/followup']({}, as(keys.late));
    assert.ok(late.ok);
    assert.deepEqual(late.data.recurredBy, [{ key: keys.lateAgain, whileOpen: true }]);
    const held = await r['panel/followup']({}, as(keys.held));
    assert.ok(held.ok);
    assert.deepEqual(held.data.recurredBy, []);
    assert.deepEqual(held.data.placement, {
      kind: 'kanban',
      board: 'Payments flow',
      column: 'Selected for Development',
    });
    assert.equal(held.data.dueRules.P3, '60 days (Kanban: no sprints)');
  });

  it('a longer no-recurrence period changes the held figure as expected', async () => {
    const loaded = await r['settings/load']({}, as());
    assert.ok(loaded.ok);
    const saved = await r['settings/save'](
      { settings: { ...loaded.data.settings, holdDays: 45 }, baseVersion: loaded.data.version },
      as(),
    );
    assert.ok(saved.ok);
    const rep = await r['report/followup']({}, as());
    assert.ok(rep.ok);
    // "held" (done 40 days ago) is not past 45 days yet; "fixed" is tested by its repeat.
    assert.deepEqual(rep.data.held, { count: 0, tested: 1, rate: 0 });
  });
});
