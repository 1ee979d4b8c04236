import { z } from 'zod';
import { jql } from '../domain/jql';
import { createdAround } from '../domain/report-months';
import { approximateCount } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { KeyValueStore } from '../storage/kvs';
import type { JobRun, TimeBudget } from './job-budget';
import {
  findMissingTickets,
  historyJql,
  historyKeys,
  monthsBetween,
  MONTH_TTL_MS,
  readMarkers,
  readMeta,
  readMonthLive,
  writeMonth,
} from './report-cache';

const DAY = 86_400_000;
/** The months a report can ask for: a 365-day window or the trend's 12 calendar months, with a margin. */
export const HISTORY_SPAN_DAYS = 400;
/** A project nobody has looked at for this long is dropped from the job's list (its history simply ages out). */
const WANTED_FOR_MS = 30 * DAY;
const Wanted = z.object({ at: z.number() });

/**
 * The report-history job (scheduled, as the app): for each project whose report was viewed lately, builds the
 * months its history lacks, rebuilds those older than MONTH_TTL_MS or with change markers, newest month first,
 * until done or out of time. Resumable by nature: what is built is in storage, and the next run starts with what
 * is still missing. A month is read whole, then stored, then the markers listed before reading it are deleted: a
 * save made meanwhile leaves a marker this run did not list, so the views keep reading it live.
 */
export async function buildHistory(
  jira: JiraTransport,
  kvs: KeyValueStore,
  now: () => number,
  budget: TimeBudget,
): Promise<JobRun> {
  const run: JobRun = { job: 'report-history', status: 'done', steps: 0, processed: 0, resumed: false };
  const wanted = await kvs.listByPrefix(historyKeys.wantedPrefix());
  for (const { key, value } of wanted) {
    const projectKey = key.slice(historyKeys.wantedPrefix().length);
    const w = Wanted.safeParse(value);
    if (!w.success || now() - w.data.at > WANTED_FOR_MS) {
      await kvs.delete(key);
      continue;
    }
    const base = historyJql(jql.incidents(projectKey));
    const t = now();
    const [meta, markers] = await Promise.all([readMeta(kvs, projectKey), readMarkers(kvs, projectKey)]);
    run.resumed ||= Object.keys(meta).length > 0;
    const todo = monthsBetween(t - HISTORY_SPAN_DAYS * DAY, t)
      .filter(
        (m) =>
          !meta[m.label] ||
          t - (meta[m.label]?.builtAt ?? 0) > MONTH_TTL_MS ||
          meta[m.label]?.missingChecked === false ||
          markers.some((x) => x.month === m.label),
      )
      .reverse();
    for (const m of todo) {
      if (!budget.ok()) {
        run.status = 'paused';
        return run;
      }
      // Listed before the month is read: only these markers are folded in and deleted (reconcileIssues takes 50).
      const listed = markers.filter((x) => x.month === m.label).slice(0, 50);
      const expected =
        meta[m.label]?.count ?? (await approximateCount(jira, `${base} AND ${createdAround(t, m.start, m.end)}`));
      const ids = listed.flatMap((x) => (Number(x.id) ? [Number(x.id)] : []));
      const issues = await readMonthLive(jira, base, m, t, expected, ids);
      const missing = await findMissingTickets(jira, jql.actionTickets(projectKey), issues);
      await writeMonth(kvs, projectKey, m.label, issues, t, missing);
      await Promise.all(listed.map((x) => kvs.delete(x.kvsKey)));
      run.steps++;
      run.processed += issues.length;
    }
  }
  return run;
}
