import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { baselineReport } from '../../dev/bench/baseline';
import { appFigures, differences } from '../../dev/bench/figures';
import { MemoryKvs } from '../../dev/kvs/memory-kvs';
import { INDEX_PROPERTY } from '../../src/domain/jira-names';
import { timeBudget } from '../../src/services/job-budget';
import { readStoredPostMortem, savePostMortem } from '../../src/services/postmortem-save';
import { reportHeadline } from '../../src/services/report';
import { reportDetails } from '../../src/services/report-details';
import { buildHistory } from '../../src/services/report-history-job';
import { historyKeys } from '../../src/services/report-cache';
import type { ReportFilters } from '../../src/shared/report';
import type { KeyValueStore } from '../../src/storage/kvs';
import { startTestJira, TEST_NOW, type TestJira } from '../support/jira';
import { oracle } from '../support/report-oracle';

/**
 * The report's history (src/services/report-history.ts, report-cache.ts, report-history-job.ts): a first view of a
 * project too large to read live says how much is ready and shows no trend or pattern; the job completes it; a
 * save made while the job rebuilds a month still shows. Figures are compared with the bench's baseline
 * (dev/bench/baseline.ts: independent of src/services/report*) and the oracle (test/support/report-oracle.ts).
 */
let jira: TestJira;
before(async () => {
  jira = await startTestJira({ maxPageSize: null, seed: { incidents: 600, actionsPerIncident: 3, spanDays: 400 } });
});
after(async () => {
  assert.deepEqual(jira.emulator.drift, []);
  await jira.close();
});

const filters: ReportFilters = { windowDays: 365, service: null, category: null };
const USER = 'acc-alice';
const user = () => jira.platform.asUser(USER);
/** A view that may read at most 100 post-mortems live: far less than this project's year (about 550). */
const SMALL = 100;
const view = async (kvs: KeyValueStore, budget = SMALL) => {
  const [h, d] = await Promise.all([
    reportHeadline(user(), kvs, 'OPS', filters, TEST_NOW, USER),
    reportDetails(user(), kvs, 'OPS', filters, TEST_NOW, undefined, USER, budget),
  ]);
  return { h, d };
};
const job = (kvs: KeyValueStore) =>
  buildHistory(
    jira.platform.asApp(),
    kvs,
    () => TEST_NOW,
    timeBudget(() => TEST_NOW, 60_000),
  );
const baseline = () => baselineReport(user(), 'OPS', filters, TEST_NOW);

describe('report history: built outside the view', () => {
  it('a first view states how much history is ready; what counts answer is complete', async () => {
    const kvs = new MemoryKvs();
    const { h, d } = await view(kvs);
    const x = d.details;
    assert.equal(x.history.complete, false);
    assert.ok(x.history.ready < x.history.total && x.history.total >= 13, JSON.stringify(x.history));
    assert.deepEqual([x.trend, x.categories, x.chains, x.themes], [[], [], [], []]);
    const e = oracle(jira.emulator.store, TEST_NOW, filters);
    assert.equal(h.headline.incidents.count, e.incidents);
    assert.equal(h.headline.completion.numerator.count, e.done.length);
    assert.equal(h.headline.onTime.numerator.count, e.onTime.length);
    assert.deepEqual(
      x.byPriority.map((p) => ({ all: p.completion.denominator.count, done: p.completion.numerator.count })),
      e.byPriority,
    );
    // The job is asked to build it.
    assert.ok(await kvs.get(historyKeys.wanted('OPS')));
  });

  it('after the job the view is complete, equal to the baseline, and reads no post-mortems live', async () => {
    const kvs = new MemoryKvs();
    await view(kvs);
    const run = await job(kvs);
    assert.equal(run.status, 'done');
    assert.ok(run.processed > 500);
    jira.emulator.calls.length = 0;
    const { h, d } = await view(kvs);
    assert.equal(d.details.history.complete, true);
    assert.deepEqual(differences(appFigures(h, d), await baseline(), 'baseline'), []);
    const postmortemReads = jira.emulator.calls.filter(
      (c) => c.path.startsWith('/rest/api/3/search/jql') && JSON.stringify(c).includes(`${INDEX_PROPERTY}`),
    );
    assert.deepEqual(postmortemReads, []);
  });

  it('a save while the job rebuilds that month is not lost', async () => {
    const kvs = new MemoryKvs();
    await view(kvs);
    const target = [...jira.emulator.store.issues.values()].find(
      (i) =>
        i.created.startsWith('2026-06') &&
        (i.properties[INDEX_PROPERTY] as { status?: string } | undefined)?.status === 'published',
    );
    assert.ok(target);
    const { stored } = await readStoredPostMortem(user(), target.key);
    assert.ok(stored);
    // The save lands after the job has read June and before it stores it.
    let saved = false;
    const racing: KeyValueStore = {
      get: (k) => kvs.get(k),
      setIfAbsent: (k, v) => kvs.setIfAbsent(k, v),
      delete: (k) => kvs.delete(k),
      listByPrefix: (p) => kvs.listByPrefix(p),
      set: async (k, v) => {
        if (!saved && k.startsWith(historyKeys.part('OPS', '2026-06', 0))) {
          saved = true;
          const doc = { ...stored.doc, category: 'Saved during the build' };
          await savePostMortem(
            user(),
            kvs,
            target.key,
            { doc, baseVersion: stored.version, syncSummary: false, summaryLoaded: '' },
            USER,
            TEST_NOW,
          );
        }
        return kvs.set(k, v);
      },
    };
    assert.equal((await job(racing)).status, 'done');
    assert.ok(saved);
    const { h, d } = await view(kvs);
    assert.equal(d.details.history.complete, true);
    const cat = d.details.categories.find((c) => c.name === 'Saved during the build');
    assert.equal(cat?.incidents, 1);
    assert.deepEqual(differences(appFigures(h, d), await baseline(), 'baseline'), []);
    // The next run folds the marker into June and deletes it; the figures stay the same.
    assert.equal((await kvs.listByPrefix(historyKeys.markers('OPS'))).length, 1);
    await job(kvs);
    assert.equal((await kvs.listByPrefix(historyKeys.markers('OPS'))).length, 0);
    const again = await view(kvs);
    assert.deepEqual(differences(appFigures(again.h, again.d), await baseline(), 'baseline'), []);
  });
});
