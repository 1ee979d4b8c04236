import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { approximateCount, searchAll, searchPage } from '../../src/jira/search';
import { startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
// 3,000 incidents with three action tickets each: 12,000 issues.
before(async () => {
  jira = await startTestJira({
    maxPageSize: null,
    seed: { incidents: 3000, actionsPerIncident: 3, spanDays: 3 * 365 },
  });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

describe('search paging over 12,000 issues', () => {
  it('pages by nextPageToken, capped at 5,000 per page, with every issue exactly once', async () => {
    assert.equal(jira.emulator.store.issues.size, 12_000);
    jira.emulator.calls.length = 0;
    const issues = await searchAll(jira.platform.asUser('acc-carol'), 'project = OPS ORDER BY created DESC', {
      fields: ['id'],
      maxResults: 10_000,
    });
    assert.equal(issues.length, 12_000);
    assert.equal(new Set(issues.map((i) => i.key)).size, 12_000);
    const searches = jira.emulator.calls.filter((c) => c.path === '/rest/api/3/search/jql');
    assert.equal(searches.length, 3, 'three pages: 5000 + 5000 + 2000');
  });
  it('returns fewer issues per page when many fields are asked for', async () => {
    const page = await searchPage(jira.platform.asUser('acc-carol'), 'project = OPS', {
      fields: ['*all'],
      maxResults: 1000,
    });
    assert.equal(page.issues.length, 100);
    assert.equal(page.isLast, false);
  });
  it('refuses a token that belongs to another query', async () => {
    const first = await searchPage(jira.platform.asUser('acc-carol'), 'project = OPS', { maxResults: 10 });
    assert.ok(first.nextPageToken);
    await assert.rejects(
      searchPage(jira.platform.asUser('acc-carol'), 'project = OPS AND issuetype = Incident', {
        maxResults: 10,
        nextPageToken: first.nextPageToken,
      }),
      /next page token is invalid/,
    );
  });
  it('counts without paging', async () => {
    jira.emulator.calls.length = 0;
    assert.equal(
      await approximateCount(jira.platform.asUser('acc-carol'), 'project = OPS AND issuetype = Incident'),
      3000,
    );
    assert.equal(jira.emulator.calls.length, 1);
  });
});
