import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { getIssue } from '../../src/jira/issues';
import { buildResolvers } from '../../src/resolvers/definitions';
import { raw, startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
before(async () => {
  jira = await startTestJira({ jiraLike: true });
});
afterEach(() => {
  jira.emulator.knobs.faults = [];
  jira.emulator.knobs.maxConcurrent = null;
  jira.emulator.calls.length = 0;
  jira.sleeps.length = 0;
});
after(async () => {
  await jira.close();
});

describe('rate limits and faults', () => {
  it('answers 429 with Retry-After and RateLimit-Reason', async () => {
    jira.emulator.knobs.faults.push({
      match: '^GET /rest/api/3/myself$',
      status: 429,
      times: 1,
      when: 'before',
      retryAfterSeconds: 7,
      reason: 'jira-per-issue-on-write',
    });
    const r = await raw(jira.emulator, 'GET', '/rest/api/3/myself');
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '7');
    assert.equal(r.headers.get('ratelimit-reason'), 'jira-per-issue-on-write');
    assert.equal((await raw(jira.emulator, 'GET', '/rest/api/3/myself')).status, 200, 'the burst is over');
  });
  it('the Jira layer waits out two 429s and succeeds', async () => {
    jira.emulator.knobs.faults.push({
      match: '^GET /rest/api/3/issue/OPS-1$',
      status: 429,
      times: 2,
      when: 'before',
      retryAfterSeconds: 2,
    });
    const issue = await getIssue(jira.platform.asUser('acc-bob'), 'OPS-1', { fields: ['summary'] });
    assert.equal(issue.key, 'OPS-1');
    assert.equal(jira.emulator.calls.filter((c) => c.path.startsWith('/rest/api/3/issue/OPS-1')).length, 3);
    assert.equal(jira.sleeps.length, 2);
    assert.ok(
      jira.sleeps.every((ms) => ms >= 2000),
      `slept ${jira.sleeps.join(', ')}`,
    );
  });
  it('a resolver that stays rate limited fails with a clear message, not a crash', async () => {
    jira.emulator.knobs.faults.push({ match: '^GET /rest/api/3/issue/OPS-1$', status: 429, times: 10, when: 'before' });
    const r = await buildResolvers(jira.platform)['panel/load'](
      {},
      { accountId: 'acc-bob', issueKey: 'OPS-1', projectKey: 'OPS' },
    );
    assert.equal(r.ok, false);
    assert.equal(r.ok ? '' : r.error.code, 'RATE_LIMITED');
    assert.match(r.ok ? '' : r.error.message, /try again/);
    // The project's calls run beside the issue's (one round); the issue itself was tried once and retried three times.
    const issueCalls = jira.emulator.calls.filter((c) => c.method === 'GET' && /\/issue\/OPS-1(\?|$)/.test(c.path));
    assert.equal(issueCalls.length, 4, 'one call and three bounded retries');
  });
  it('a 5xx on a read is retried; one that persists is reported with its status', async () => {
    jira.emulator.knobs.faults.push({ match: '^GET /rest/api/3/issue/OPS-1$', status: 503, times: 1, when: 'before' });
    assert.equal((await getIssue(jira.platform.asUser('acc-bob'), 'OPS-1', { fields: ['summary'] })).key, 'OPS-1');
    jira.emulator.knobs.faults.push({ match: '^GET /rest/api/3/issue/OPS-1$', status: 500, times: 10, when: 'before' });
    const r = await buildResolvers(jira.platform)['panel/load']({}, { accountId: 'acc-bob', issueKey: 'OPS-1' });
    assert.equal(r.ok ? '' : r.error.code, 'JIRA_ERROR');
    assert.match(r.ok ? '' : r.error.message, /HTTP 500/);
  });
  it('refuses requests beyond the concurrency limit with a burst 429', async () => {
    jira.emulator.knobs.maxConcurrent = 2;
    jira.emulator.knobs.latencyMs = 400; // long enough that all six overlap even on a loaded machine
    const results = await Promise.all(Array.from({ length: 6 }, () => raw(jira.emulator, 'GET', '/rest/api/3/myself')));
    jira.emulator.knobs.latencyMs = 0;
    const limited = results.filter((r) => r.status === 429);
    assert.equal(results.filter((r) => r.status === 200).length, 2);
    assert.equal(limited.length, 4);
    assert.equal(limited[0]?.headers.get('ratelimit-reason'), 'jira-burst-based');
  });
});
