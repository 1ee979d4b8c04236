import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adfTextLength, TEXT_FIELD_LIMIT } from '../../dev/emulator/adf';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { newIncident } from '../support/incidents';
import { raw, startTestJira, type TestJira } from '../support/jira';

/**
 * Jira refuses a comment over its text field limit (32,767 characters). A large project's agenda has hundreds of
 * open action items: posting it must still work, list what fits in the agenda's order, and say how many are left out
 * and where to find them all.
 */
let jira: TestJira;
let r: ResolverMap;
before(async () => {
  jira = await startTestJira({ maxPageSize: null, seed: { incidents: 600, actionsPerIncident: 3, spanDays: 400 } });
  r = buildResolvers(jira.platform);
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});
const ctx = (issueKey: string) => ({ accountId: 'acc-carol', issueKey, projectKey: 'OPS' });

describe('the agenda as a Jira comment', () => {
  it('the emulator refuses a comment over 32,767 characters, as Jira does', async () => {
    const key = await newIncident(jira);
    const body = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(TEXT_FIELD_LIMIT) }] }],
    };
    const res = await raw(jira.emulator, 'POST', `/rest/api/3/issue/${key}/comment`, {
      as: 'acc-carol',
      body: { body },
    });
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(res.json), /exceeds the allowed limit of 32,767 characters/);
    assert.equal(jira.emulator.store.issuesByKey.get(key)?.comments.length, 0);
  });

  it('a long agenda is posted with what fits, in order, and says how many more and where', async () => {
    const key = await newIncident(jira);
    const agenda = await r['review/agenda']({}, ctx(key));
    assert.ok(agenda.ok, JSON.stringify(agenda));
    const items = [...agenda.data.doneSinceLastReview, ...agenda.data.inProgress, ...agenda.data.notStarted];
    const posted = await r['comment/agenda']({}, ctx(key));
    assert.ok(posted.ok, JSON.stringify(posted));
    const comment = jira.emulator.store.issuesByKey.get(key)?.comments[0] ?? assert.fail('no comment');
    assert.ok(adfTextLength(comment.body) <= TEXT_FIELD_LIMIT);
    const json = JSON.stringify(comment.body);
    const listed = items.filter((t) => json.includes(`(${t.key})`));
    assert.ok(listed.length > 50, `listed ${listed.length}`);
    assert.ok(listed.length < items.length, `the project's agenda is longer than a comment: ${items.length} items`);
    // The first ones in the agenda's order, then the count of the rest and the search for all of them.
    assert.deepEqual(
      listed.map((t) => t.key),
      items.slice(0, listed.length).map((t) => t.key),
    );
    assert.ok(json.includes(`and ${items.length - listed.length} more not listed here`), json.slice(-400));
    assert.ok(json.includes(agenda.data.jql.replace(/"/g, '\\"')), 'the JQL for all of them');
  });
});
