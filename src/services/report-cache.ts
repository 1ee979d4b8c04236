import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { andBefore, jqlDayAfter, jqlDayBefore, monthLabel, planMonths, type MonthPart } from '../domain/report-months';
import { IssueSchema, type Issue } from '../jira/schemas';
import { approximateCount, searchAll, type SearchOptions } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { KeyValueStore } from '../storage/kvs';

/**
 * Closed months of post-mortems kept in app storage, so a report view reads live only the current month and
 * the window's oldest days: at 100,000 incidents that is about 1,500 issues a view instead of 20,000.
 *
 * A kept month is dropped when a post-mortem of that month is saved (markMonthChanged), when it is a day old
 * (changes made outside the app: a deleted or moved incident, a property written over REST), and whenever the
 * count of the report's own JQL disagrees with the issues assembled (then every month is read again).
 */
const TTL_MS = 24 * 3_600_000;
const VERSION = 1;

const Entry = z.object({
  v: z.literal(VERSION),
  token: z.string(),
  builtAt: z.number(),
  /** gzip + base64 of the issues' JSON: a month of post-mortems fits one KVS value (240 KiB). */
  data: z.string(),
});
const Tokens = z.record(z.string(), z.string());

const tokensKey = (projectKey: string) => `report-month-tokens:${projectKey}`;
const entryKey = (projectKey: string, jql: string, label: string) =>
  `report-month:${projectKey}:${createHash('sha1').update(jql).digest('hex').slice(0, 16)}:${label}`;

/** A post-mortem of the month of `createdIso` changed: the kept copies of that month are stale. */
export async function markMonthChanged(kvs: KeyValueStore, projectKey: string, createdIso: string | undefined) {
  const created = Date.parse(createdIso ?? '');
  const parsed = Tokens.safeParse(await kvs.get(tokensKey(projectKey)));
  const tokens = parsed.success ? parsed.data : {};
  // Any new value makes entries built under the old one stale, even if two saves race on this key.
  tokens[Number.isFinite(created) ? monthLabel(created) : 'all'] = `${Date.now()}-${Math.random()}`;
  await kvs.set(tokensKey(projectKey), tokens);
}

const createdOf = (i: Issue) => Date.parse(i.fields?.created ?? '');
const cut = (issues: Issue[], from: number, to: number) =>
  issues.filter((i) => {
    const c = createdOf(i);
    return c >= from && c < to;
  });

/**
 * The issues `jql` finds (a search of post-mortems restricted to the last `spanDays` days, ordered by created),
 * with closed months read from storage when they can be. `opts.fields` must include `created`.
 */
export async function postmortemsByMonth(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  jql: string,
  spanDays: number,
  now: number,
  opts: SearchOptions,
): Promise<Issue[]> {
  const plan = planMonths(now, spanDays);
  const search = (q: string) => searchAll(jira, q, { maxResults: 5000, ...opts });
  // The live parts and the check go out at once, before the kept months are unpacked.
  const live = Promise.all([
    search(andBefore(jql, `created < "${jqlDayAfter(plan.firstBoundary)}"`)).then((r) => cut(r, 0, plan.firstBoundary)),
    search(andBefore(jql, `created >= "${jqlDayBefore(plan.currentStart)}"`)).then((r) =>
      cut(r, plan.currentStart, Infinity),
    ),
    approximateCount(jira, jql.replace(/\s+ORDER\s+BY\s.*$/i, '')),
  ]);
  const parsedTokens = Tokens.safeParse(await kvs.get(tokensKey(projectKey)));
  const tokens = parsedTokens.success ? parsedTokens.data : {};
  const tokenOf = (m: MonthPart) => `${tokens[m.label] ?? ''}|${tokens.all ?? ''}`;
  const kept = await Promise.all(
    plan.months.map((m) => readMonth(kvs, entryKey(projectKey, jql, m.label), tokenOf(m), now)),
  );
  const readMonthLive = async (m: MonthPart) =>
    cut(
      await search(andBefore(jql, `created >= "${jqlDayBefore(m.start)}" AND created < "${jqlDayAfter(m.end)}"`)),
      m.start,
      m.end,
    );
  const [[oldest, current, total], months] = await Promise.all([
    live,
    Promise.all(plan.months.map((m, i) => kept[i] ?? readMonthLive(m))),
  ]);
  let assembled = [...oldest, ...months.flat(), ...current];
  if (assembled.length !== total && kept.some(Boolean)) {
    // Something changed that no hook saw: read the kept months again rather than show stale figures.
    const fresh = await Promise.all(plan.months.map(readMonthLive));
    fresh.forEach((issues, i) => (months[i] = issues));
    kept.fill(null);
    assembled = [...oldest, ...months.flat(), ...current];
  }
  await Promise.all(
    plan.months.map((m, i) =>
      kept[i] ? null : writeMonth(kvs, entryKey(projectKey, jql, m.label), tokenOf(m), now, months[i] ?? []),
    ),
  );
  return assembled;
}

async function readMonth(kvs: KeyValueStore, key: string, token: string, now: number): Promise<Issue[] | null> {
  const entry = Entry.safeParse(await kvs.get(key));
  if (!entry.success || entry.data.token !== token || now - entry.data.builtAt > TTL_MS) return null;
  try {
    const issues = z
      .array(IssueSchema)
      .safeParse(JSON.parse(gunzipSync(Buffer.from(entry.data.data, 'base64')).toString()));
    return issues.success ? issues.data : null;
  } catch {
    return null; // unreadable: read the month from Jira again
  }
}

async function writeMonth(kvs: KeyValueStore, key: string, token: string, now: number, issues: Issue[]) {
  const data = gzipSync(JSON.stringify(issues)).toString('base64');
  // Too big for one value (240 KiB): the month is simply read live each time.
  if (data.length > 230_000) return;
  await kvs.set(key, { v: VERSION, token, builtAt: now, data });
}
