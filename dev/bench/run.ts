import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { reportHeadline } from '../../src/services/report';
import { reportDetails } from '../../src/services/report-details';
import type { ReportFilters } from '../../src/shared/report';
import { localPlatform } from '../harness/platform';
import { naiveReport } from './naive';

/**
 * `npm run bench [-- --latency 100 --json]`: the emulator (own process) seeded with 10,000 incidents and
 * 30,000 action tickets, each Jira call delayed by --latency ms, at most 10 in flight; the full report built
 * as the app does it and the naive way, with the same figures required of both.
 */
const ROOT = path.join(__dirname, '..', '..');
const NOW = Date.parse('2026-11-26T12:00:00Z');
const Call = z.object({ method: z.string(), path: z.string(), status: z.number() });

async function main() {
  const { values } = parseArgs({
    options: {
      latency: { type: 'string', default: '100' },
      json: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '10' },
    },
  });
  const latencyMs = Number(values.latency);
  const log = (m: string) => {
    if (!values.json) console.log(m);
  };
  log('Starting the emulator and seeding 10,000 incidents...');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'dev', 'emulator', 'cli.ts'),
      '--size',
      'bench',
      '--now',
      new Date(NOW).toISOString(),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const ready = await new Promise<{ url: string; seeded: { incidents: number; actionTickets: number } }>(
      (resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (c: Buffer) => {
          buf += c.toString();
          const line = buf.split('\n').find((l) => l.startsWith('{'));
          if (line)
            resolve(
              z
                .object({ url: z.string(), seeded: z.object({ incidents: z.number(), actionTickets: z.number() }) })
                .parse(JSON.parse(line)),
            );
        });
        child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
      },
    );
    const control = async (p: string, method = 'GET', body?: unknown) =>
      (
        await fetch(`${ready.url}/__emulator/${p}`, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json();
    await control('knobs', 'POST', { latencyMs, maxConcurrent: Number(values.concurrency), queueExcess: true });
    const platform = localPlatform(ready.url, { now: () => NOW });
    await import('../../src/services/install').then((m) => m.ensureSiteSetup(platform.asApp(), platform.kvs));
    const jira = platform.asUser('acc-carol');
    const filters: ReportFilters = { windowDays: 90, service: null, category: null };

    const calls = async () => z.array(Call).parse(await control('calls'));
    await control('calls', 'DELETE');
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const t0 = performance.now();
    const [headline, details] = await Promise.all([
      reportHeadline(jira, platform.kvs, 'OPS', filters, NOW),
      reportDetails(jira, platform.kvs, 'OPS', filters, NOW),
    ]);
    const appWall = performance.now() - t0;
    clearInterval(sampler);
    const appCalls = (await calls()).length;

    await control('calls', 'DELETE');
    log(`App report: ${appCalls} calls, ${Math.round(appWall)} ms. Now the naive report (a minute or two)...`);
    const t1 = performance.now();
    const naive = await naiveReport(jira, 'OPS', filters, NOW);
    const naiveWall = performance.now() - t1;
    const naiveCalls = (await calls()).length;

    // Same figures, or the benchmark fails.
    const h = headline.headline;
    const mismatches: string[] = [];
    const same = (what: string, a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b))
        mismatches.push(`${what}: app ${JSON.stringify(a)} vs naive ${JSON.stringify(b)}`);
    };
    same('incidents', h.incidents.count, naive.headline.incidents);
    same('completion', h.completion.value, naive.headline.completion);
    same('on time', h.onTime.value, naive.headline.onTime);
    same('repeat rate', h.repeatRate.value, naive.headline.repeatRate);
    same('repeats while open', h.repeatsWhileOpen.count, naive.headline.repeatsWhileOpen);
    same('overdue', h.overdue.count, naive.headline.overdue);
    same(
      'by priority',
      details.details.byPriority.map((p) => p.completion.value),
      naive.byPriority,
    );
    same(
      'rolling',
      details.details.rolling.map((r) => r.rate.value),
      naive.rolling,
    );
    same('trend', details.details.trend, naive.trend);
    same('categories', details.details.categories, naive.categories);
    same('services', details.details.services, naive.services);

    const bundles: Record<string, { jsGzipKb: number }> = {};
    for (const resource of ['panel', 'page']) {
      const dir = path.join(ROOT, 'static', resource, 'build', 'assets');
      const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
      bundles[resource] = {
        jsGzipKb:
          Math.round(files.reduce((n, f) => n + gzipSync(fs.readFileSync(path.join(dir, f))).length, 0) / 102.4) / 10,
      };
    }
    const result = {
      incidents: ready.seeded.incidents,
      actionTickets: ready.seeded.actionTickets,
      latencyMs,
      app: { calls: appCalls, wallMs: Math.round(appWall), peakRssMb: Math.round(peakRss / 1048576) },
      naive: { calls: naiveCalls, wallMs: Math.round(naiveWall) },
      ratio: {
        calls: Math.round((naiveCalls / appCalls) * 10) / 10,
        wall: Math.round((naiveWall / appWall) * 10) / 10,
      },
      bundles,
      sameFigures: mismatches.length === 0,
    };
    if (values.json) console.log(JSON.stringify(result));
    else {
      console.table({ app: result.app, naive: result.naive });
      console.log(
        `ratio: ${result.ratio.calls}x fewer calls, ${result.ratio.wall}x less wall time; bundles (gzip JS): ${Object.entries(
          bundles,
        )
          .map(([k, v]) => `${k} ${v.jsGzipKb} KB`)
          .join(', ')}`,
      );
    }
    if (mismatches.length) {
      console.error(`The app and the naive report disagree:\n${mismatches.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
