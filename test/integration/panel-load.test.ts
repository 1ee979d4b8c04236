import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IssueRec } from '../../dev/emulator/state/model';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { loadPanel } from '../../src/services/panel-load';
import { StoredPostMortemSchema } from '../../src/shared/postmortem';
import { startTestJira, TEST_NOW, type TestJira } from '../support/jira';
import { metered, points, rounds } from '../support/metered';

let jira: TestJira;
let r: ResolverMap;
before(async () => {
  jira = await startTestJira();
  r = buildResolvers(jira.platform);
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});
const ctx = (issueKey: string) => ({ accountId: 'acc-carol', issueKey, projectKey: 'OPS' });
const issues = () => [...jira.emulator.store.issues.values()];
const stored = (i: IssueRec) => StoredPostMortemSchema.safeParse(i.properties.postmortem);
const incidentOf = (i: IssueRec) => (i.properties.postmortemAction as { incident?: string } | undefined)?.incident;
const isDone = (i: IssueRec) => jira.emulator.store.statuses.get(i.statusId)?.category === 'done';
const today = new Date(TEST_NOW).toISOString().slice(0, 10);
/** A published demo incident with action tickets, the most recent one. */
const published = () =>
  issues()
    .reverse()
    .find((i) => {
      const s = stored(i);
      return s.success && s.data.status === 'published' && s.data.actionCount > 0;
    }) ?? assert.fail('no published incident in the demo');
/** What the review should list for an incident, read straight from the emulator's records. */
const earlierOpen = (key: string) =>
  issues().filter((i) => incidentOf(i) !== undefined && incidentOf(i) !== key && !isDone(i));

describe('opening the panel (issue #11: at most 60 points, one round)', () => {
  it('costs at most 60 points in one round, whatever the size of the review', async () => {
    const incident = published();
    assert.ok(earlierOpen(incident.key).length > 30, 'the demo has a long review list');
    jira.emulator.knobs.latencyMs = 30; // so calls that overlap are seen to overlap
    const m = metered(jira.platform.asUser('acc-carol'));
    const data = await loadPanel(m.transport, jira.kvs, incident.key, 'OPS', TEST_NOW);
    jira.emulator.knobs.latencyMs = 0;
    assert.ok(points(m.calls) <= 60, `${points(m.calls)} points: ${m.calls.map((c) => c.path).join(', ')}`);
    assert.equal(rounds(m.calls), 1, m.calls.map((c) => `${c.path} ${c.start}-${c.end}`).join('\n'));
    assert.equal(data.review.first.items.length, data.review.pageSize);
    assert.equal(data.review.counts.open, earlierOpen(incident.key).length);
    assert.equal(
      data.review.counts.overdue,
      earlierOpen(incident.key).filter((i) => i.duedate !== null && i.duedate < today).length,
    );
    const own = issues().filter((i) => incidentOf(i) === incident.key);
    assert.deepEqual(data.tickets.map((t) => t.key).sort(), own.map((i) => i.key).sort());
  });

  it('does not read every review outcome the project stored', async () => {
    const incident = published();
    const listed: string[] = [];
    const original = jira.kvs.listByPrefix.bind(jira.kvs);
    jira.kvs.listByPrefix = (prefix: string) => {
      listed.push(prefix);
      return original(prefix);
    };
    try {
      assert.ok((await r['panel/load']({}, ctx(incident.key))).ok);
    } finally {
      jira.kvs.listByPrefix = original;
    }
    // Versioned outcomes are read per ticket shown (a prefix naming the ticket), never the project's whole prefix.
    assert.ok(!listed.includes('review-outcome:OPS:'), `listed the whole project: ${listed.join(', ')}`);
    assert.ok(listed.length <= 10, `one query per row shown at most: ${listed.length}`);
  });

  it('pages through every open earlier item once, soonest due first, with outcomes for the rows shown', async () => {
    const incident = published();
    const first = await r['panel/load']({}, ctx(incident.key));
    assert.ok(first.ok);
    const item = first.data.review.first.items[0] ?? assert.fail('empty first page');
    const recorded = await r['review/outcome'](
      { ticketKey: item.key, outcome: 'still-open', note: 'blocked on CI', reassignTo: null, baseVersion: 0 },
      ctx(incident.key),
    );
    assert.ok(recorded.ok, JSON.stringify(recorded));
    const seen = [];
    let token: string | null = null;
    do {
      const page = await r['review/page']({ pageToken: token }, ctx(incident.key));
      assert.ok(page.ok, JSON.stringify(page));
      assert.ok(page.data.items.length <= first.data.review.pageSize);
      seen.push(...page.data.items);
      token = page.data.nextPageToken;
    } while (token);
    const expected = earlierOpen(incident.key);
    assert.deepEqual(seen.map((t) => t.key).sort(), expected.map((i) => i.key).sort());
    const dues = seen.map((t) => t.dueDate ?? '9999');
    assert.deepEqual(dues, [...dues].sort());
    assert.equal(seen.find((t) => t.key === item.key)?.outcome?.note, 'blocked on CI');
    assert.equal(seen.filter((t) => t.outcome).length, 1);
  });

  it('refuses a page token that is not one', async () => {
    const res = await r['review/page']({ pageToken: 'not-a-token' }, ctx(published().key));
    assert.equal(res.ok, false);
    const bad = await r['review/page']({ pageToken: 7 }, ctx(published().key));
    assert.equal(bad.ok ? '' : bad.error.code, 'VALIDATION');
  });
});

describe('similar incidents on request', () => {
  it('ranks the confirmed earlier incident as a strong match, with the words they share', async () => {
    const repeat =
      issues().find((i) => {
        const s = stored(i);
        return s.success && s.data.doc.repeatOf;
      }) ?? assert.fail('no repeat in the demo');
    const pm = StoredPostMortemSchema.parse(repeat.properties.postmortem).doc;
    const res = await r['panel/similar'](
      {
        rootCause: pm.rootCause,
        factors: Object.values(pm.contributingFactors),
        service: pm.service,
        category: pm.category,
      },
      ctx(repeat.key),
    );
    assert.ok(res.ok, JSON.stringify(res));
    const match = res.data.candidates.find((c) => c.key === pm.repeatOf);
    assert.equal(match?.strength, 'strong', JSON.stringify(res.data.candidates.map((c) => [c.key, c.strength])));
    assert.ok((match?.sharedWords.length ?? 0) >= 2);
    const created = Date.parse(repeat.created);
    for (const c of res.data.candidates) assert.ok(Date.parse(c.created) < created, `${c.key} is not earlier`);
  });

  it('answers nothing for an empty root cause, and refuses oversized text', async () => {
    const key = published().key;
    const empty = await r['panel/similar']({ rootCause: ' ', factors: [], service: '', category: '' }, ctx(key));
    assert.deepEqual(empty.ok ? empty.data.candidates : null, []);
    const big = await r['panel/similar'](
      { rootCause: 'x'.repeat(2001), factors: [], service: '', category: '' },
      ctx(key),
    );
    assert.equal(big.ok ? '' : big.error.code, 'VALIDATION');
  });
});
