import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { ActionTicketPropertySchema, StoredPostMortemSchema } from '../../src/shared/postmortem';
import { faultyPlatform, slowKvs } from '../support/faulty';
import { filledPostMortem, newIncident } from '../support/incidents';
import { startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
let r: ResolverMap;
beforeEach(async () => {
  await jira?.close();
  jira = await startTestJira();
  r = buildResolvers(jira.platform);
});
after(async () => {
  await jira?.close();
});

const ctx = (issueKey: string, accountId = 'acc-bob') => ({ accountId, issueKey, projectKey: 'OPS' });
const store = () => jira.emulator.store;
const ticketsOf = (key: string) =>
  [...store().issues.values()].filter(
    (i) => (i.properties.postmortemAction as { incident?: string } | undefined)?.incident === key,
  );
const stored = (key: string) => StoredPostMortemSchema.parse(store().issuesByKey.get(key)?.properties.postmortem);
let n = 0;
const rid = () => `request-${++n}-slots`;

/** Each ticket belongs to the item whose key it is on the post-mortem, by the item id it carries. */
function assertBoundById(key: string) {
  for (const t of ticketsOf(key)) {
    const prop = ActionTicketPropertySchema.parse(t.properties.postmortemAction);
    const item = stored(key).doc.actionItems.find((a) => a.ticketKey === t.key);
    assert.ok(item, `${t.key} is recorded on the post-mortem`);
    assert.equal(item.id, prop.itemId, `${t.key} is bound to its own item`);
  }
}

describe('ticket reservations are keyed by action item id', () => {
  it('removing a refused ticketless item shifts nothing: no duplicate, no ticket bound to the wrong item', async () => {
    const key = await newIncident(jira);
    // Jira refuses the first item's ticket (its owner cannot be assigned issues); the other two are created.
    const doc = filledPostMortem(3);
    doc.actionItems[0] = { ...doc.actionItems[0]!, ownerAccountId: 'acc-dave' };
    assert.ok((await r['panel/save']({ doc, baseVersion: 0, syncSummary: false, summaryLoaded: '' }, ctx(key))).ok);
    const first = await r['actions/create']({ requestId: rid() }, ctx(key));
    assert.ok(first.ok, JSON.stringify(first));
    assert.deepEqual(
      first.data.items.map((i) => i.state),
      ['failed', 'created', 'created'],
    );
    // The person is told which item was refused, and why, in Jira's words.
    assert.equal(first.data.items[0]?.itemId, 'a1');
    assert.match(first.data.items[0]?.message ?? '', /cannot be assigned issues/);
    const kept = stored(key).doc;
    kept.actionItems = kept.actionItems.filter((a) => a.id !== 'a1');
    const saved = await r['panel/save'](
      { doc: kept, baseVersion: stored(key).version, syncSummary: false, summaryLoaded: '' },
      ctx(key),
    );
    assert.ok(saved.ok, JSON.stringify(saved));
    const again = await r['actions/create']({ requestId: rid() }, ctx(key));
    assert.ok(again.ok, JSON.stringify(again));
    assert.deepEqual(
      again.data.items.map((i) => i.state),
      ['existing', 'existing'],
    );
    assert.equal(ticketsOf(key).length, 2, 'no duplicate');
    assertBoundById(key);
  });

  it('a ticketed item keeps its text, owner and priority: the payload cannot change them', async () => {
    const key = await newIncident(jira);
    assert.ok(
      (
        await r['panel/save'](
          { doc: filledPostMortem(1), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
          ctx(key),
        )
      ).ok,
    );
    assert.ok((await r['actions/create']({ requestId: rid() }, ctx(key))).ok);
    const s = stored(key);
    for (const change of [
      { action: 'Quietly rewritten' },
      { ownerAccountId: 'acc-carol' },
      { priority: 'P3' as const },
    ]) {
      const doc = structuredClone(s.doc);
      doc.actionItems = doc.actionItems.map((a) => ({ ...a, ...change }));
      const res = await r['panel/save'](
        { doc, baseVersion: s.version, syncSummary: false, summaryLoaded: '' },
        ctx(key),
      );
      assert.equal(res.ok ? '' : res.error.code, 'VALIDATION', JSON.stringify(change));
      assert.equal(res.ok ? '' : res.error.data, 'not-saved');
    }
    assert.deepEqual(stored(key).doc.actionItems, s.doc.actionItems);
    // Nor can a forged ticket key be attached to an item.
    const doc = structuredClone(s.doc);
    doc.actionItems.push({
      id: 'a9',
      action: 'New',
      ownerAccountId: null,
      priority: 'P2',
      dueDate: null,
      ticketKey: 'OPS-1',
    });
    const res = await r['panel/save']({ doc, baseVersion: s.version, syncSummary: false, summaryLoaded: '' }, ctx(key));
    assert.ok(res.ok, JSON.stringify(res));
    assert.equal(stored(key).doc.actionItems.find((a) => a.id === 'a9')?.ticketKey, null);
  });

  it('duplicate action item ids are refused before anything is written', async () => {
    const key = await newIncident(jira);
    const doc = filledPostMortem(2);
    doc.actionItems[1] = { ...doc.actionItems[1]!, id: 'a1' };
    const before = jira.emulator.calls.filter((c) => c.method !== 'GET').length;
    const res = await r['panel/save']({ doc, baseVersion: 0, syncSummary: false, summaryLoaded: '' }, ctx(key));
    assert.equal(res.ok ? '' : res.error.code, 'VALIDATION');
    assert.equal(jira.emulator.calls.filter((c) => c.method !== 'GET').length, before);
  });

  it('comments go only on incidents', async () => {
    const task = [...store().issues.values()].find((i) => store().issueTypes.get(i.issueTypeId)?.name === 'Task');
    assert.ok(task);
    const comments = task.comments.length;
    const agenda = await r['comment/agenda']({}, ctx(task.key, 'acc-alice'));
    assert.equal(agenda.ok ? '' : agenda.error.code, 'PRECONDITION', JSON.stringify(agenda));
    const postmortem = await r['comment/postmortem']({}, ctx(task.key, 'acc-alice'));
    assert.equal(postmortem.ok ? '' : postmortem.error.code, 'PRECONDITION', JSON.stringify(postmortem));
    assert.equal(store().issuesByKey.get(task.key)?.comments.length, comments);
  });
});

describe('a lost create answer under KVS latency and search lag never makes a fourth ticket', () => {
  for (let round = 1; round <= 3; round++) {
    it(`round ${round}: 20 simultaneous clicks from two people, the first create's answer lost`, async () => {
      const f = faultyPlatform(jira, { kvs: slowKvs(jira.kvs, 5, 25, round) });
      const rr = buildResolvers(f.platform);
      const key = await newIncident(jira);
      assert.ok(
        (
          await rr['panel/save'](
            { doc: filledPostMortem(3), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
            ctx(key),
          )
        ).ok,
      );
      jira.emulator.knobs.indexLagMs = 3_600_000; // search sees none of the new tickets unless reconciled
      jira.emulator.knobs.faults.push({ match: '^POST /rest/api/3/issue/bulk$', status: 500, times: 1, when: 'after' });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          rr['actions/create']({ requestId: `r${round}-${i}-lost` }, ctx(key, i % 2 ? 'acc-bob' : 'acc-carol')),
        ),
      );
      assert.ok(
        results.every((x) => x.ok),
        JSON.stringify(results.find((x) => !x.ok)),
      );
      assert.equal(ticketsOf(key).length, 3, 'exactly three tickets');
      // Whatever was left in progress completes on the next click, still without a duplicate.
      const last = await rr['actions/create']({ requestId: `r${round}-final` }, ctx(key));
      assert.ok(last.ok, JSON.stringify(last));
      assert.deepEqual(
        last.data.items.map((i) => i.state),
        ['existing', 'existing', 'existing'],
      );
      assert.equal(ticketsOf(key).length, 3);
      assertBoundById(key);
    });
  }
});
