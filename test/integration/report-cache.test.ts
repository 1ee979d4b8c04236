import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { costOf } from '../../dev/emulator/cost';
import { MemoryKvs } from '../../dev/kvs/memory-kvs';
import { INDEX_PROPERTY } from '../../src/domain/jira-names';
import { reportDetails } from '../../src/services/report';
import { savePostMortem, readStoredPostMortem } from '../../src/services/postmortem-save';
import type { ReportFilters } from '../../src/shared/report';
import { raw, startTestJira, TEST_NOW, type TestJira } from '../support/jira';

let jira: TestJira;
before(async () => {
  jira = await startTestJira({ seed: { incidents: 600, actionsPerIncident: 3, spanDays: 400 } });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const filters: ReportFilters = { windowDays: 365, service: null, category: null };
const user = () => jira.platform.asUser('acc-alice');
/** The details with the app's storage (closed months kept), and as a first view with empty storage would see them. */
const kept = () => reportDetails(user(), jira.kvs, 'OPS', filters, TEST_NOW);
const fresh = () => reportDetails(user(), new MemoryKvs(), 'OPS', filters, TEST_NOW);
const issuesRead = async (fn: () => Promise<unknown>) => {
  jira.emulator.calls.length = 0;
  await fn();
  return costOf(jira.emulator.calls).issues;
};
/** An incident created in a closed month inside the window (the seed spreads 600 over 400 days). */
const closedMonthIncident = () => {
  const month = new Date(TEST_NOW - 120 * 86_400_000).toISOString().slice(0, 7);
  const found = [...jira.emulator.store.issues.values()].find(
    (i) => i.created.startsWith(month) && i.properties[INDEX_PROPERTY] !== undefined,
  );
  assert.ok(found, `the seed has an incident with a post-mortem in ${month}`);
  return found.key;
};

describe('report: closed months kept in app storage', () => {
  it('a second view reads far fewer issues, with the same figures', async () => {
    // The whole months between the window's oldest days and the current month: December 2025 to October 2026.
    const inKeptMonths = [...jira.emulator.store.issues.values()].filter(
      (i) => i.properties[INDEX_PROPERTY] !== undefined && i.created >= '2025-12-01' && i.created < '2026-11-01',
    ).length;
    assert.ok(inKeptMonths > 300);
    const first = await issuesRead(kept);
    const second = await issuesRead(kept);
    // At least those months are not read again (the first view read each with a day or two on either side).
    assert.ok(first - second >= inKeptMonths, `second view read ${second} issues, first ${first}`);
    assert.deepEqual((await kept()).details, (await fresh()).details);
  });

  it('saving a post-mortem of a closed month shows in the next view', async () => {
    await kept();
    const key = closedMonthIncident();
    const { stored } = await readStoredPostMortem(user(), key);
    assert.ok(stored);
    const before = (await kept()).details.categories;
    await savePostMortem(
      user(),
      jira.kvs,
      key,
      {
        doc: { ...stored.doc, category: 'Bench category' },
        baseVersion: stored.version,
        syncSummary: false,
        summaryLoaded: '',
      },
      'acc-alice',
      TEST_NOW,
    );
    const after = (await kept()).details;
    assert.equal(after.categories.find((c) => c.name === 'Bench category')?.incidents, 1);
    assert.notDeepEqual(after.categories, before);
    assert.deepEqual(after, (await fresh()).details);
  });

  it('a post-mortem removed outside the app (over REST) is noticed by the count check', async () => {
    await kept();
    const key = closedMonthIncident();
    const del = await raw(jira.emulator, 'DELETE', `/rest/api/3/issue/${key}/properties/${INDEX_PROPERTY}`);
    assert.equal(del.status, 204);
    const after = (await kept()).details;
    assert.deepEqual(after, (await fresh()).details);
  });
});
