import { jql, quote } from '../domain/jql';
import { localMinute } from '../domain/zone';
import type { Issue } from '../jira/schemas';
import { approximateCount } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { KeyValueStore } from '../storage/kvs';
import {
  historyJql,
  historyKeys,
  monthsBetween,
  MONTH_TTL_MS,
  overlay,
  readMarked,
  readMarkers,
  readMeta,
  readMonth,
  readMonthLive,
  findMissingTickets,
  writeMonth,
} from './report-cache';

/** A view reads at most this many post-mortems live to fill months the history lacks; the job does the rest. */
export const LIVE_BUDGET = 2_500;

export interface History {
  /** The post-mortems of every ready month (whole UTC months from the one holding `from` to now). */
  issues: Issue[];
  /**
   * Action items whose ticket is not among the project's action tickets, of those post-mortems. Still being checked
   * when the post-mortems are known: what needs only them (chain starts) goes ahead meanwhile.
   */
  missing: Promise<{ key: string; incident: string }[]>;
  ready: number;
  total: number;
  complete: boolean;
}

/**
 * The project's post-mortems created since `from`, from the history in app storage (report-cache.ts), checked
 * against Jira month by month: one round of counts plus the incidents saved since their month was stored. Months
 * missing or failing the check are read live while within LIVE_BUDGET (newest first) and stored; the rest are left
 * to the report-history job and reported as not ready, so the page says what is still being prepared.
 */
export async function postmortemHistory(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  from: number,
  now: number,
  userZone: string,
  liveBudget = LIVE_BUDGET,
): Promise<History> {
  const base = historyJql(jql.incidents(projectKey));
  const months = monthsBetween(from, now);
  const [meta, allMarkers] = await Promise.all([readMeta(kvs, projectKey), readMarkers(kvs, projectKey)]);
  const labels = new Set(months.map((m) => m.label));
  const markers = allMarkers.filter((m) => labels.has(m.month));
  const between = (from: number, to: number) =>
    `${base} AND created >= ${quote(localMinute(from, userZone))} AND created < ${quote(localMinute(to, userZone))}`;
  const first = months[0]?.start ?? from;
  const last = months[months.length - 1]?.end ?? now;
  const unstored = months.map((m) => !meta[m.label]);
  // One count for the whole span and one per month not stored; per-month counts of stored months only if the
  // total disagrees (something changed that no marker names: deleted, moved, edited over REST).
  const live = Promise.all([
    approximateCount(jira, between(first, last)),
    Promise.all(months.map((m, i) => (unstored[i] ? approximateCount(jira, between(m.start, m.end)) : null))),
    readMarked(jira, base, markers),
  ]);
  // Awaited below; meanwhile the stored months are unpacked, and an early refusal must not count as unhandled.
  live.catch(() => undefined);
  const stored: (Issue[] | null)[] = [];
  for (const m of months) {
    const mm = meta[m.label];
    // Unpacking is synchronous work: each month in a task of its own, so the requests above leave first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    stored.push(mm ? await readMonth(kvs, projectKey, m.label, mm) : null);
  }
  const [total, missingCounts, marked] = await live;
  const ready = months.map((m, i) => {
    const s = stored[i];
    return s ? overlay(s, m.label, markers, marked) : null;
  });
  const counts: (number | null)[] = [...missingCounts];
  const known = ready.reduce((n, r, i) => n + (r ? r.length : (counts[i] ?? 0)), 0);
  if (known !== total) {
    // Stored months, and unreadable ones (no count yet), are counted one by one.
    const check = await Promise.all(
      months.map((m, i) => (ready[i] || counts[i] === null ? approximateCount(jira, between(m.start, m.end)) : null)),
    );
    check.forEach((c, i) => {
      if (c === null) return;
      counts[i] = c;
      if (ready[i] && ready[i]?.length !== c) ready[i] = null; // not used until rebuilt
    });
  }
  const liveMissing: ({ key: string; incident: string }[] | null)[] = months.map(() => null);
  let budget = liveBudget;
  const toRead: number[] = [];
  for (let i = months.length - 1; i >= 0; i--) {
    const n = counts[i] ?? 0;
    if (ready[i] === null && counts[i] !== null && n <= budget) {
      toRead.push(i);
      budget -= n;
    }
  }
  const willComplete = ready.every((r, i) => r !== null || toRead.includes(i));
  // A stored month whose tickets were never checked is checked now when the history is otherwise complete.
  const unchecked = months.map((m, i) => ready[i] !== null && meta[m.label]?.missingChecked === false);
  await Promise.all(
    toRead.map(async (i) => {
      const m = months[i];
      if (!m) return;
      const ids = markers.filter((x) => x.month === m.label).flatMap((x) => (Number(x.id) ? [Number(x.id)] : []));
      ready[i] = await readMonthLive(jira, base, m, now, counts[i] ?? 0, ids);
    }),
  );
  const done = ready.filter((r): r is Issue[] => r !== null);
  const missing = checkMissing();
  // Awaited by the caller; a refusal must not count as unhandled before it gets there.
  missing.catch(() => undefined);
  return {
    issues: done.flat(),
    missing,
    ready: done.length,
    total: months.length,
    complete: done.length === months.length,
  };

  /**
   * Missing tickets: of the months read live (checked now when the history is complete, and stored with them), of
   * stored months never checked, and of incidents saved since their month was stored; the rest as each month was
   * built. The three checks are independent: they run together.
   */
  async function checkMissing() {
    const tickets = jql.actionTickets(projectKey);
    const markedKeys = new Set(markers.map((m) => m.issueKey));
    const stale = months.some((m, i) => ready[i] === null || now - (meta[m.label]?.builtAt ?? 0) > MONTH_TTL_MS);
    const [markedMissing] = await Promise.all([
      findMissingTickets(
        jira,
        tickets,
        marked.filter((i) => markedKeys.has(i.key)),
        now,
      ),
      ...toRead.map(async (i) => {
        const m = months[i];
        const issues = ready[i];
        if (!m || !issues) return;
        // Missing tickets matter only once every month is ready: a first view of a large project skips the check
        // (one round) and the job makes it; a small project, complete at once, checks now.
        if (willComplete) liveMissing[i] = await findMissingTickets(jira, tickets, issues, now);
        await writeMonth(kvs, projectKey, m.label, issues, now, liveMissing[i] ?? null).catch(() => undefined);
      }),
      ...months.map(async (_, i) => {
        const issues = ready[i];
        if (willComplete && unchecked[i] && issues)
          liveMissing[i] = await findMissingTickets(jira, tickets, issues, now);
      }),
      // The job builds and refreshes only the projects whose report is looked at.
      stale || markers.length ? kvs.set(historyKeys.wanted(projectKey), { at: now }).catch(() => undefined) : null,
    ]);
    const found = months.flatMap((m, i) =>
      ready[i] === null
        ? []
        : (liveMissing[i] ?? (meta[m.label]?.missing ?? []).filter((x) => !markedKeys.has(x.incident))),
    );
    // An incident saved since may be in a month read live too: each ticket once.
    return [...new Map([...found, ...markedMissing].map((x) => [x.key, x])).values()];
  }
}
