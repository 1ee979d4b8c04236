import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IssueRec } from '../../dev/emulator/state/model';
import { createActionTickets } from '../../src/services/action-tickets';
import { loadPanel } from '../../src/services/panel-load';
import { savePostMortem } from '../../src/services/postmortem-save';
import { StoredPostMortemSchema } from '../../src/shared/postmortem';
import { filledPostMortem, newIncident } from '../support/incidents';
import { startTestJira, TEST_NOW, type TestJira } from '../support/jira';
import { metered, points, rounds, type MeteredCall } from '../support/metered';

/**
 * Issue #11's panel budget where reading the project would blow it: thousands of incidents over five years, each
 * with three action tickets, and Jira's own page sizes. Opening a panel must stay within 60 points in one round,
 * saving within 2 calls, creating three tickets within 6 calls in 4 rounds, whatever the size of the project.
 */
let jira: TestJira;
before(async () => {
  jira = await startTestJira({
    seed: { incidents: 3_000, actionsPerIncident: 3, spanDays: 5 * 365 },
    maxPageSize: null,
  });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const issues = () => [...jira.emulator.store.issues.values()];
const incidentOf = (i: IssueRec) => (i.properties.postmortemAction as { incident?: string } | undefined)?.incident;
const isDone = (i: IssueRec) => jira.emulator.store.statuses.get(i.statusId)?.category === 'done';
const earlierOpen = (key: string) => issues().filter((i) => incidentOf(i) && incidentOf(i) !== key && !isDone(i));
const explain = (calls: MeteredCall[]) => calls.map((c) => `${c.path.slice(0, 90)} (${c.issues})`).join('\n');
const measure = () => metered(jira.platform.asUser('acc-carol'));

describe('the panel at 3,000 incidents and 9,000 action tickets (issue #11)', () => {
  it('opens a brand-new incident within 60 points in one round, though the review has hundreds of items', async () => {
    const key = await newIncident(jira);
    const open = earlierOpen(key).length;
    // Reading the review (or the post-mortems) whole would cost a point per issue: far over the budget.
    assert.ok(open > 300, `the project has a long review: ${open}`);
    const m = measure();
    const data = await loadPanel(m.transport, jira.kvs, key, 'OPS', TEST_NOW);
    assert.ok(points(m.calls) <= 60, `${points(m.calls)} points:\n${explain(m.calls)}`);
    assert.equal(rounds(m.calls), 1, explain(m.calls));
    assert.equal(data.review.counts.open, open);
    assert.equal(data.review.first.items.length, data.review.pageSize);
  });

  it('opens the latest published incident with its own tickets within the same budget', async () => {
    const incident =
      issues()
        .reverse()
        .find((i) => {
          const s = StoredPostMortemSchema.safeParse(i.properties.postmortem);
          return s.success && s.data.status === 'published' && s.data.actionCount > 0;
        }) ?? assert.fail('no published incident');
    const m = measure();
    const data = await loadPanel(m.transport, jira.kvs, incident.key, 'OPS', TEST_NOW);
    assert.ok(points(m.calls) <= 60, `${points(m.calls)} points:\n${explain(m.calls)}`);
    assert.equal(rounds(m.calls), 1, explain(m.calls));
    assert.deepEqual(
      data.tickets.map((t) => t.key).sort(),
      issues()
        .filter((i) => incidentOf(i) === incident.key)
        .map((i) => i.key)
        .sort(),
    );
  });

  it('saves in 2 calls and creates three tickets in at most 6 calls and 4 rounds', async () => {
    const key = await newIncident(jira);
    const doc = filledPostMortem(3);
    const saving = measure();
    const saved = await savePostMortem(
      saving.transport,
      jira.kvs,
      key,
      { doc, baseVersion: 0, syncSummary: true, summaryLoaded: 'Checkout errors after deploy' },
      'acc-carol',
      TEST_NOW,
    );
    assert.equal(saved.pending.length, 0, JSON.stringify(saved));
    assert.ok(saving.calls.length <= 2, explain(saving.calls));
    // The title changed, so the summary went with the document.
    assert.notEqual(jira.emulator.store.issuesByKey.get(key)?.summary, 'Checkout errors after deploy');

    const creating = measure();
    const res = await createActionTickets(creating.transport, jira.kvs, key, 'cost-test-request', TEST_NOW, 'OPS');
    assert.deepEqual(
      res.items.map((i) => i.state),
      ['created', 'created', 'created'],
    );
    assert.ok(creating.calls.length <= 6, explain(creating.calls));
    assert.ok(rounds(creating.calls) <= 4, explain(creating.calls));
    const tickets = issues().filter((i) => incidentOf(i) === key);
    assert.equal(tickets.length, 3);
    const stored = StoredPostMortemSchema.parse(jira.emulator.store.issuesByKey.get(key)?.properties.postmortem);
    assert.deepEqual(stored.doc.actionItems.map((a) => a.ticketKey).sort(), tickets.map((t) => t.key).sort());
    for (const t of tickets) assert.ok(t.sprintIds.length === 1, `${t.key} is in the sprint`);
  });
});
