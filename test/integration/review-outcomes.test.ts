import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { readOutcomes } from '../../src/services/review';
import { newIncident } from '../support/incidents';
import { raw, startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
let r: ResolverMap;
let incident: string;
let ticket: string;
before(async () => {
  jira = await startTestJira();
  r = buildResolvers(jira.platform);
  incident = await newIncident(jira);
  const load = await r['panel/load']({}, ctx(incident));
  assert.ok(load.ok);
  ticket = load.data.review.first.items.find((t) => t.statusCategory === 'new')?.key ?? '';
  assert.ok(ticket);
});
after(async () => {
  await jira.close();
});

const ctx = (issueKey: string, accountId = 'acc-bob') => ({ accountId, issueKey, projectKey: 'OPS' });
const outcome = (ticketKey: string, baseVersion = 0, note = 'Blocked on CI') =>
  ({ ticketKey, outcome: 'still-open', note, reassignTo: null, baseVersion }) as const;
const kvsWrites = () => jira.kvs.keys().filter((k) => k.startsWith('review-')).length;

describe('review outcomes: only someone allowed, only real action tickets of this project, versioned', () => {
  it('a read-only person cannot record an outcome or complete the review', async () => {
    const before = kvsWrites();
    const res = await r['review/outcome'](outcome(ticket), ctx(incident, 'acc-dave'));
    assert.equal(res.ok ? '' : res.error.code, 'FORBIDDEN', JSON.stringify(res));
    const done = await r['review/complete']({}, ctx(incident, 'acc-dave'));
    assert.equal(done.ok ? '' : done.error.code, 'FORBIDDEN');
    assert.equal(kvsWrites(), before);
  });

  it('refuses keys that are not action tickets of this project in Jira: nothing is written', async () => {
    const store = jira.emulator.store;
    store.putProject({
      id: '10900',
      key: 'SEC',
      name: 'Security',
      leadAccountId: 'acc-alice',
      permissions: { 'acc-bob': ['BROWSE', 'CREATE', 'EDIT'] },
    });
    const other = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      as: 'acc-bob',
      body: {
        fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: 'Elsewhere' },
        properties: [{ key: 'postmortemAction', value: { incident: 'SEC-1', slot: 0, itemId: 'a1', priority: 'P1' } }],
      },
    });
    assert.equal(other.status, 201, JSON.stringify(other.json));
    const plain = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      as: 'acc-bob',
      body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Not an action ticket' } },
    });
    const plainTask = { key: (plain.json as { key: string }).key };
    const before = kvsWrites();
    for (const key of [(other.json as { key: string }).key, incident, 'OPS-999999', plainTask.key]) {
      const res = await r['review/outcome'](outcome(key), ctx(incident));
      assert.ok(!res.ok && ['VALIDATION', 'NOT_FOUND'].includes(res.error.code), `${key}: ${JSON.stringify(res)}`);
      assert.equal(res.ok ? '' : res.error.data, 'not-saved');
    }
    assert.equal(kvsWrites(), before);
  });

  it('two reviewers from the same version: one is recorded, the other told, nothing overwritten', async () => {
    const [a, b] = await Promise.all([
      r['review/outcome'](outcome(ticket, 0, 'from Bob'), ctx(incident, 'acc-bob')),
      r['review/outcome'](outcome(ticket, 0, 'from Carol'), ctx(incident, 'acc-carol')),
    ]);
    assert.equal([a, b].filter((x) => x.ok).length, 1, JSON.stringify([a, b]));
    const lost = [a, b].find((x) => !x.ok);
    assert.equal(lost && !lost.ok ? lost.error.code : '', 'CONFLICT');
    const kept = (await readOutcomes(jira.kvs, 'OPS')).get(ticket);
    assert.equal(kept?.note, a.ok ? 'from Bob' : 'from Carol');
    assert.equal(kept?.version, 1);
    const next = await r['review/outcome'](outcome(ticket, 1, 'later'), ctx(incident, 'acc-carol'));
    assert.ok(next.ok, JSON.stringify(next));
    assert.equal((await readOutcomes(jira.kvs, 'OPS')).get(ticket)?.version, 2);
  });

  it('recording outcomes does not move the last review; an explicit "review complete" does', async () => {
    const first = await r['panel/load']({}, ctx(incident));
    assert.ok(first.ok);
    const since = first.data.review.lastReviewAt;
    assert.ok((await r['review/outcome'](outcome(ticket, 2, 'again'), ctx(incident))).ok);
    const after = await r['panel/load']({}, ctx(incident));
    assert.equal(after.ok ? after.data.review.lastReviewAt : '', since);
    const done = await r['review/complete']({}, ctx(incident, 'acc-alice'));
    assert.ok(done.ok, JSON.stringify(done));
    const moved = await r['panel/load']({}, ctx(incident));
    assert.equal(moved.ok ? moved.data.review.lastReviewAt : '', done.data.lastReviewAt);
  });

  it('reassigning to someone who cannot be assigned is refused before Jira or storage change', async () => {
    const assignee = jira.emulator.store.issuesByKey.get(ticket)?.assigneeId;
    const res = await r['review/outcome'](
      { ticketKey: ticket, outcome: 'reassigned', note: '', reassignTo: 'acc-forged', baseVersion: 3 },
      ctx(incident),
    );
    assert.equal(res.ok ? '' : res.error.code, 'VALIDATION', JSON.stringify(res));
    assert.equal(jira.emulator.store.issuesByKey.get(ticket)?.assigneeId, assignee);
  });
});
