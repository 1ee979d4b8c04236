import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { newIncident } from '../support/incidents';
import { TEST_NOW, startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
let r: ResolverMap;
let incident: string;
before(async () => {
  jira = await startTestJira();
  r = buildResolvers(jira.platform);
  incident = await newIncident(jira);
});
after(async () => {
  await jira.close();
});

const ctx = (accountId: string) => ({ accountId, issueKey: incident, projectKey: 'OPS' });
const TWO_WEEKS_AGO = '2026-11-12T12:00:00.000Z'; // TEST_NOW less 14 days, written out

describe('review/status: where the review window starts, and who may move it', () => {
  it('says who may mark the review done, as Jira decides (Edit Issues), before any review was marked', async () => {
    const alice = await r['review/status']({}, ctx('acc-alice'));
    const dave = await r['review/status']({}, ctx('acc-dave'));
    assert.ok(alice.ok && dave.ok, JSON.stringify([alice, dave]));
    assert.deepEqual(alice.data, { lastReviewAt: TWO_WEEKS_AGO, lastReviewBy: null, canComplete: true });
    assert.deepEqual(dave.data, { lastReviewAt: TWO_WEEKS_AGO, lastReviewBy: null, canComplete: false });
  });

  it('after someone allowed marks the review done, everyone sees the new start and who moved it', async () => {
    const done = await r['review/complete']({}, ctx('acc-alice'));
    assert.ok(done.ok, JSON.stringify(done));
    assert.equal(done.data.lastReviewAt, new Date(TEST_NOW).toISOString());
    const dave = await r['review/status']({}, ctx('acc-dave'));
    assert.ok(dave.ok);
    assert.deepEqual(dave.data, {
      lastReviewAt: '2026-11-26T12:00:00.000Z',
      lastReviewBy: 'acc-alice',
      canComplete: false,
    });
    const agenda = await r['review/agenda']({}, ctx('acc-dave'));
    assert.ok(agenda.ok);
    assert.equal(agenda.data.lastReviewAt, '2026-11-26T12:00:00.000Z');
  });

  it('refuses a payload with anything in it, and works only where Jira gives a project', async () => {
    const extra = await r['review/status']({ canComplete: true }, ctx('acc-dave'));
    assert.equal(extra.ok ? '' : extra.error.code, 'VALIDATION');
    const noProject = await r['review/status']({}, { accountId: 'acc-alice', issueKey: incident });
    assert.equal(noProject.ok ? '' : noProject.error.code, 'VALIDATION');
  });
});
