import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agendaMarkdown } from '../../src/domain/review';
import { toMarkdown } from '../../src/domain/export';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { filledPostMortem, newIncident } from '../support/incidents';
import { startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
let r: ResolverMap;
before(async () => {
  jira = await startTestJira({ jiraLike: true });
  r = buildResolvers(jira.platform);
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});
const ctx = (issueKey: string, accountId = 'acc-carol') => ({ accountId, issueKey, projectKey: 'OPS' });

describe('Rule 3: the review starts with earlier open action items', () => {
  it('groups them as the agenda does, with incident, owner, due date and overdue flag', async () => {
    const key = await newIncident(jira);
    const res = await r['review/agenda']({}, ctx(key));
    assert.ok(res.ok);
    const { inProgress, notStarted } = res.data;
    assert.ok(inProgress.length > 0 && notStarted.length > 0);
    assert.ok(
      inProgress.every(
        (t) => t.statusCategory === 'indeterminate' && t.incident !== key && t.incident.startsWith('OPS-'),
      ),
    );
    const overdue = [...inProgress, ...notStarted].filter((t) => t.overdue);
    assert.ok(overdue.length > 0 && overdue.every((t) => (t.dueDate ?? '') < '2026-11-26'));
    const md = agendaMarkdown(res.data, key, 'Checkout errors');
    assert.match(md, /1\. Review open action items \(10 min\)/);
    assert.match(md, /OVERDUE/);
    assert.match(md, /3\. Pattern analysis \(10 min\)/);
  });

  it('records outcomes (kept), reassigns in Jira, and refuses a drop without a reason', async () => {
    const key = await newIncident(jira);
    const load = await r['panel/load']({}, ctx(key));
    assert.ok(load.ok);
    const item = load.data.review.first.items.find((t) => t.statusCategory === 'new');
    assert.ok(item);
    const noReason = await r['review/outcome'](
      { ticketKey: item.key, outcome: 'dropped', note: '', reassignTo: null, baseVersion: 0 },
      ctx(key),
    );
    assert.equal(noReason.ok ? '' : noReason.error.code, 'VALIDATION');
    const reassigned = await r['review/outcome'](
      { ticketKey: item.key, outcome: 'reassigned', note: 'Bob is on leave', reassignTo: 'acc-alice', baseVersion: 0 },
      ctx(key),
    );
    assert.ok(reassigned.ok, JSON.stringify(reassigned));
    assert.equal(jira.emulator.store.issuesByKey.get(item.key)?.assigneeId, 'acc-alice');
    const again = await r['panel/load']({}, ctx(key));
    assert.ok(again.ok);
    const kept = again.data.review.first.items.find((t) => t.key === item.key);
    assert.equal(kept?.outcome?.outcome, 'reassigned');
    assert.equal(kept?.outcome?.reassignedTo?.displayName, 'Alice Chen');
  });

  it('posts the agenda and the post-mortem as ADF comments on the incident', async () => {
    const key = await newIncident(jira);
    assert.ok(
      (
        await r['panel/save'](
          { doc: filledPostMortem(2), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
          ctx(key),
        )
      ).ok,
    );
    assert.ok((await r['comment/agenda']({}, ctx(key))).ok);
    const pm = await r['comment/postmortem']({}, ctx(key));
    assert.ok(pm.ok, JSON.stringify(pm));
    const comments = jira.emulator.store.issuesByKey.get(key)?.comments ?? [];
    assert.equal(comments.length, 2);
    assert.match(JSON.stringify(comments[0]?.body), /Review open action items \(10 min\)/);
    assert.match(JSON.stringify(comments[1]?.body), /Incident: checkout 5xx errors after deploy on 2026-11-20/);
    assert.match(JSON.stringify(comments[1]?.body), /Add canary deploys for config changes/);
  });
});

describe('Markdown export', () => {
  it("follows the article's template layout", () => {
    const md = toMarkdown(filledPostMortem(1), [
      { action: 'Add canary deploys', owner: 'Bob Okafor', priority: 'P1', dueDate: '2026-12-10', status: 'Open' },
    ]);
    for (const h of [
      '# Incident: checkout 5xx errors after deploy on 2026-11-20',
      '## Impact',
      '- Duration: 103 minutes',
      '## Timeline (UTC)',
      '- 14:02 - First alert fired',
      '## Root Cause',
      '## Contributing Factors',
      '1. No canary stage',
      '## What Went Well',
      '## What Went Wrong',
      '## Action Items',
      '| Add canary deploys | Bob Okafor | P1 | 2026-12-10 | Open |',
      '## Lessons Learned',
    ]) {
      assert.ok(md.includes(h), `missing: ${h}`);
    }
  });
});
