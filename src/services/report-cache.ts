import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { andBefore, createdAround, monthLabel, planMonths, splitRange, type MonthPart } from '../domain/report-months';
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
const DAY = 86_400_000;
const VERSION = 2;

const Entry = z.object({
  v: z.literal(VERSION),
  token: z.string(),
  builtAt: z.number(),
  /** How many issues the month holds: sizes the live searches before any month is unpacked. */
  count: z.number(),
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
  const search = (from: number, to: number) =>
    searchAll(jira, andBefore(jql, createdAround(now, from, to)), { maxResults: 5000, ...opts }).then((r) =>
      cut(r, from, to),
    );
  /** A range read live as parallel searches of about a page each: one round whatever its size. */
  const readRange = async (from: number, to: number, perDay: number) =>
    (await Promise.all(splitRange(from, to, perDay).map(([a, b]) => search(a, b)))).flat();
  const parsedTokens = Tokens.safeParse(await kvs.get(tokensKey(projectKey)));
  const tokens = parsedTokens.success ? parsedTokens.data : {};
  const tokenOf = (m: MonthPart) => `${tokens[m.label] ?? ''}|${tokens.all ?? ''}`;
  const entries = await Promise.all(
    plan.months.map(async (m) => {
      const e = Entry.safeParse(await kvs.get(entryKey(projectKey, jql, m.label)));
      return e.success && e.data.token === tokenOf(m) && now - e.data.builtAt <= TTL_MS ? e.data : null;
    }),
  );
  // Post-mortems a day in the most recent kept month: sizes the live searches so each fits a page.
  const lastKept = entries.filter((e) => e !== null).pop();
  const perDay = lastKept ? lastKept.count / 30 : 60;
  // The live searches and the check go out first; the kept months are unpacked while they run.
  const live = Promise.all([
    // The window's first days: from a day before its start, so the report's own window clause decides.
    readRange(now - (spanDays + 1) * DAY, plan.firstBoundary, perDay),
    readRange(plan.currentStart, now + DAY, perDay),
    approximateCount(jira, jql.replace(/\s+ORDER\s+BY\s.*$/i, '')),
  ]);
  // Awaited below; until then an early refusal (a project without the Incident type) must not count as unhandled.
  live.catch(() => undefined);
  const kept: (Issue[] | null)[] = [];
  for (const e of entries) {
    // One month at a time, each in a task of its own, so the requests leave and answers are read in between.
    await new Promise<void>((resolve) => setImmediate(resolve));
    kept.push(e ? unpack(e.data) : null);
  }
  const [[oldest, current, total], months] = await Promise.all([
    live,
    Promise.all(
      plan.months.map(
        (m, i) =>
          // A month not kept is read in one search, page after page: rare (once a month, or after a change), and
          // one query per month spares Jira (and the emulator) a scan per part.
          kept[i] ?? search(m.start, m.end),
      ),
    ),
  ]);
  let assembled = [...oldest, ...months.flat(), ...current];
  if (assembled.length !== total && kept.some(Boolean)) {
    // Something changed that no hook saw: read the kept months again rather than show stale figures.
    const fresh = await Promise.all(plan.months.map((m) => search(m.start, m.end)));
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

function unpack(data: string): Issue[] | null {
  try {
    const issues = z.array(IssueSchema).safeParse(JSON.parse(gunzipSync(Buffer.from(data, 'base64')).toString()));
    return issues.success ? issues.data : null;
  } catch {
    return null; // unreadable: read the month from Jira again
  }
}

async function writeMonth(kvs: KeyValueStore, key: string, token: string, now: number, issues: Issue[]) {
  const data = gzipSync(JSON.stringify(issues)).toString('base64');
  // Too big for one value (240 KiB): the month is simply read live each time.
  if (data.length > 230_000) return;
  await kvs.set(key, { v: VERSION, token, builtAt: now, count: issues.length, data });
}
