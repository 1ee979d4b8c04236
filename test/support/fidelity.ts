import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { IssueRec } from '../../dev/emulator/state/model';
import { raw, startTestJira, type TestJira } from './jira';

/**
 * The world of the emulator-fidelity tests: a small seeded site plus WEB, a project without the Incident type (a
 * scheme of its own) that Erin, from another team, may browse. Registers the suite's before/after hooks.
 */
export function fidelityWorld() {
  let current: TestJira | undefined;
  before(async () => {
    current = await startTestJira({ seed: { incidents: 30, actionsPerIncident: 3, spanDays: 90 }, maxPageSize: null });
    current.emulator.store.putProject({
      id: '10100',
      key: 'WEB',
      name: 'Web',
      leadAccountId: 'acc-erin',
      permissions: { 'acc-erin': ['ADMIN'] },
      issueTypeIds: ['10001', '10002'],
    });
  });
  after(async () => {
    assert.deepEqual(current?.emulator.drift, []);
    await current?.close();
  });
  const jira = (): TestJira => current ?? assert.fail('the emulator has not started');
  const as = (accountId: string) => ({ as: accountId });
  const search = (jql: string, who = 'acc-bob', extra: Record<string, unknown> = {}) =>
    raw(jira().emulator, 'POST', '/rest/api/3/search/jql', {
      ...as(who),
      body: { jql, maxResults: 5000, fields: ['key'], ...extra },
    });
  const keys = (r: { json: unknown }) => ((r.json as { issues?: { key: string }[] }).issues ?? []).map((i) => i.key);
  const messages = (r: { json: unknown }) => (r.json as { errorMessages: string[] }).errorMessages;

  /** A copy of a seeded OPS task with its own key and the given changes, stored directly. */
  function addIssue(changes: Partial<IssueRec>): IssueRec {
    const store = jira().emulator.store;
    const template = [...store.issues.values()].find((i) => i.issueTypeId === '10001');
    assert.ok(template);
    const id = store.nextId('issue', 10000);
    const issue: IssueRec = {
      ...structuredClone(template),
      id,
      key: `OPS-${store.nextId('issue-seq:10000', 1)}`,
      properties: {},
      comments: [],
      changelog: [],
      ...changes,
    };
    store.putIssue(issue);
    return issue;
  }
  return { jira, as, search, keys, messages, addIssue };
}
