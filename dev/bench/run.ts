import { execFile } from 'node:child_process';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { z } from 'zod';
import { buildResolvers } from '../../src/resolvers/definitions';
import type { ReportFilters } from '../../src/shared/report';
import type { Result } from '../../src/shared/result';
import { RESOURCES } from '../build-ui';
import { withRetry } from '../../src/jira/client';
import { searchPage } from '../../src/jira/search';
import type { Platform } from '../../src/services/context';
import { httpTransport } from '../http-transport';
import { MemoryKvs } from '../kvs/memory-kvs';
import { baselineQueries, baselineReport } from './baseline';
import { bundleSizes } from './bundles';
import { measured, startBenchEmulator } from './emulator-process';
import { appFigures, differences, historyFigures } from './figures';
import { timeBudget } from '../../src/services/job-budget';
import { buildHistory } from '../../src/services/report-history-job';
import { ensureSiteSetup } from '../../src/services/install';
import { recordSiteFacts } from '../../src/services/report-site';
import { naiveReport } from './naive';
import { panelCosts } from './panel';
import { followUpCosts } from './follow-up';

/**
 * `npm run bench -- [--json] [--incidents 100000] [--window 365] [--latency 100] [--naive] [--follow-up]`: the emulator
 * (its own process) seeded with N incidents over five years and 3N action tickets, every Jira call delayed by
 * --latency ms, at most 10 in flight. The report is built as the page does it (headline and details together) and by the
 * competent baseline of dev/bench/baseline.ts; the bench fails when their figures differ. Points and rounds come
 * from the emulator's call log (GET /__emulator/cost).
 */
const ROOT = path.join(__dirname, '..', '..');
const NOW = Date.parse('2026-11-26T12:00:00Z');
const USER = 'acc-carol';

const ok = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what} failed: ${r.error.code} ${r.error.message}`);
  return r.data;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The harness's platform, with a patient HTTP timeout: on a busy machine the emulator's first scans of N issues are
 * slow.
 */
async function resolverPeakRssMb(url: string, now: number, windowDays: number): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    path.join(__dirname, 'resolver-memory.ts'),
    url,
    String(now),
    String(windowDays),
  ]);
  return z.object({ peakRssMb: z.number() }).parse(JSON.parse(stdout)).peakRssMb;
}

function benchPlatform(url: string, now: number): Platform {
  const policy = {
    maxRetries: 3,
    maxWaitMs: 5_000,
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  };
  return {
    asUser: (accountId) => withRetry(httpTransport(url, { accountId }, 170_000), policy),
    asApp: () => withRetry(httpTransport(url, 'app', 170_000), policy),
    kvs: new MemoryKvs(),
    now: () => now,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      incidents: { type: 'string', default: '100000' },
      window: { type: 'string', default: '365' },
      latency: { type: 'string', default: '100' },
      concurrency: { type: 'string', default: '10' },
      naive: { type: 'boolean', default: false },
      /** Also the follow-up card: first view, its ledger's first build (about 40 s at 100,000), warm view. */
      'follow-up': { type: 'boolean', default: false },
      /** Print the app view's call log (start, duration, issues, path) to stderr. */
      calls: { type: 'boolean', default: false },
    },
  });
  const windowDays = Number(values.window);
  if (windowDays !== 30 && windowDays !== 90 && windowDays !== 180 && windowDays !== 365)
    throw new Error('--window takes 30, 90, 180 or 365');
  const latencyMs = Number(values.latency);
  const log = (m: string) => {
    if (!values.json) console.error(m);
  };
  log(`Starting the emulator with ${values.incidents} incidents...`);
  const emu = await startBenchEmulator(ROOT, Number(values.incidents), NOW);
  try {
    // The emulator answers a repeated search from memory (as Jira does from its index): its own scans of N
    // issues are not what is measured. The baseline runs once without latency to warm them for its queries.
    await emu.knobs({
      latencyMs: 0,
      maxConcurrent: Number(values.concurrency),
      queueExcess: true,
      cacheSearches: true,
    });
    const platform = benchPlatform(emu.url, NOW);
    const resolvers = buildResolvers(platform);
    const filters: ReportFilters = { windowDays, service: null, category: null };
    const ctx = { accountId: USER, projectKey: 'OPS' };
    // As the page does it: headline and details requested together.
    const view = async () => {
      const [h, d] = await Promise.all([
        resolvers['report/headline'](filters, ctx),
        resolvers['report/details'](filters, ctx),
      ]);
      return { headline: ok(h, 'report/headline'), details: ok(d, 'report/details') };
    };

    const jira = platform.asUser(USER);
    log('Indexing the baseline searches...');
    // One page of each listing: the emulator then answers the following pages from memory, as it will the
    // app's searches after its first view.
    await Promise.all(
      Object.values(baselineQueries('OPS', filters)).map((q) => searchPage(jira, q, { maxResults: 1 })),
    );
    await emu.knobs({ latencyMs });

    // The first view: app storage empty, nothing cached. It shows what counts answer and says how much of the
    // post-mortem history is ready; the history job (scheduled, as the app) builds the rest; the views after that
    // are what people see.
    // The app is installed (what the install trigger records: the site setup and the site's facts); the report's
    // own storage is empty and the reader has never opened it.
    await ensureSiteSetup(platform.asApp(), platform.kvs);
    await recordSiteFacts(platform.asApp(), platform.kvs);
    const cold = await measured(emu, view);
    if (values.calls) console.error(`cold ${JSON.stringify(await emu.calls())}`);
    const h = cold.value.details.details.history;
    log(
      `App, first view: ${cold.cost.calls} calls, ${cold.cost.points} points, ${cold.cost.rounds} rounds, ${cold.wallMs} ms; history ${h.ready} of ${h.total} months ready`,
    );
    // Another reader's very first view, headline alone: the counts go out at once (the site's facts were kept at
    // install; the reader's zone is taken to be the site's until Jira says otherwise).
    const firstHeadline = await measured(emu, async () =>
      ok(await resolvers['report/headline'](filters, { accountId: 'acc-dave', projectKey: 'OPS' }), 'headline'),
    );
    const backfill = await measured(emu, () =>
      buildHistory(
        platform.asApp(),
        platform.kvs,
        platform.now,
        timeBudget(() => Date.now(), 270_000),
      ),
    );
    log(`History job: ${backfill.cost.calls} calls, ${backfill.cost.points} points, ${backfill.wallMs} ms`);
    const headlineOnly = await measured(emu, async () => ok(await resolvers['report/headline'](filters, ctx), 'h'));
    const app = await measured(emu, view);
    if (values.calls) console.error(JSON.stringify(await emu.calls()));
    log(`App: ${app.cost.calls} calls, ${app.cost.points} points, ${app.cost.rounds} rounds, ${app.wallMs} ms`);

    log('Competent baseline...');
    const base = await measured(emu, () => baselineReport(jira, 'OPS', filters, NOW));
    log(`Baseline: ${base.cost.calls} calls, ${base.cost.points} points, ${base.wallMs} ms`);
    const figures = appFigures(app.value.headline, app.value.details);
    const coldFigures = appFigures(cold.value.headline, cold.value.details);
    const mismatches = [
      ...differences(figures, base.value, 'baseline'),
      ...(app.value.details.details.history.complete
        ? []
        : ['figures: the view after the history job is not complete']),
      ...(h.complete || coldFigures.trend.length === 0
        ? []
        : ['figures: a first view without its history shows a trend']),
      // The first view's figures are those the warm view has, except the ones it says are still being prepared.
      ...differences(h.complete ? coldFigures : { ...coldFigures, ...historyFigures(figures) }, figures, 'app (warm)'),
    ];
    if (values.naive) {
      log('Naive report (every field, 100 per page)...');
      const naive = await measured(emu, () => naiveReport(jira, 'OPS', filters, NOW));
      log(`Naive: ${naive.cost.calls} calls, ${naive.cost.points} points, ${naive.wallMs} ms`);
      mismatches.push(...differences(figures, naive.value, 'naive'));
    }

    log('Resolver memory (a process of its own)...');
    await emu.knobs({ latencyMs: 0 });
    const peakRssMb = await resolverPeakRssMb(emu.url, NOW, windowDays);
    await emu.knobs({ latencyMs });

    const followUp = values['follow-up'] ? await followUpCosts(platform, emu, USER, NOW, emu.seeded.incidents) : null;
    if (followUp) {
      log(`Follow-up card: ${JSON.stringify(followUp.followUp)}`);
      mismatches.push(...followUp.mismatches);
    }
    log('Panel: open, save, create tickets...');
    const panel = await panelCosts(platform, emu, USER);
    const result = {
      incidents: emu.seeded.incidents,
      actionTickets: emu.seeded.actionTickets,
      latencyMs,
      window: windowDays,
      app: {
        calls: app.cost.calls,
        rounds: app.cost.rounds,
        points: app.cost.points,
        wallMs: app.wallMs,
        peakRssMb,
      },
      appCold: {
        calls: cold.cost.calls,
        rounds: cold.cost.rounds,
        points: cold.cost.points,
        wallMs: cold.wallMs,
        historyReady: h.ready,
        historyMonths: h.total,
        headlineRounds: firstHeadline.cost.rounds,
      },
      historyJob: { calls: backfill.cost.calls, points: backfill.cost.points, wallMs: backfill.wallMs },
      baseline: { calls: base.cost.calls, rounds: base.cost.rounds, points: base.cost.points, wallMs: base.wallMs },
      ratio: { points: round1(base.cost.points / app.cost.points), wall: round1(base.wallMs / app.wallMs) },
      panel,
      ...(followUp ? { followUp: followUp.followUp } : {}),
      bundles: bundleSizes(ROOT, RESOURCES),
    };
    if (values.json) console.log(JSON.stringify(result));
    else {
      console.log(JSON.stringify(result, null, 2));
      console.log(
        `headline alone: ${headlineOnly.cost.calls} calls, ${headlineOnly.cost.rounds} round(s), ${headlineOnly.wallMs} ms; ` +
          `first view (storage empty): ${cold.cost.calls} calls, ${cold.cost.rounds} rounds, ${cold.cost.points} points, ${cold.wallMs} ms`,
      );
    }
    if (mismatches.length) {
      console.error(`FAILED: the reports disagree on ${mismatches.length} figure(s):\n${mismatches.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    emu.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
