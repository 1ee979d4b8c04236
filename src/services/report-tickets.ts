import { ACTION_PROPERTY } from '../domain/jira-names';
import { resolvedOnTime, ticketState, type ReportWindow, type TicketFacts } from '../domain/report-definitions';
import { addDays } from '../domain/zone';
import type { Dropped, ReportJql } from '../domain/report-jql';
import { approximateCount } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { ReviewOutcome } from '../shared/contract';
import type { JqlCount } from '../shared/report';
import { searchTicketFacts, TICKET_FACT_FIELDS, ticketFacts } from './report-facts';
import { searchByKeys } from './report-keys';

/**
 * The figures of the window's action tickets from counts, not from a listing of every ticket (60,000 a year at
 * 100,000 incidents): raw counts per state, minus what JQL cannot see, which is read ticket by ticket but only for
 * the few tickets it concerns: those dropped in a review, those whose on-time record may be stale (the on-time job
 * re-judges done tickets updated within ON_TIME_RECHECK, so older records are trusted), and done tickets without a
 * resolution date. The result equals actionFigures() of src/domain/report-definitions.ts over every ticket, and
 * each figure comes with a JQL that counts exactly it.
 */
export interface TicketCounts {
  dropped: Dropped;
  states: { done: JqlCount; openNotDue: JqlCount; overdue: JqlCount; noDueDate: JqlCount; dropped: JqlCount };
  all: JqlCount;
  onTime: JqlCount;
  onTimeBase: JqlCount;
  unjudged: string[];
  byPriority: { priority: 'P1' | 'P2' | 'P3'; done: JqlCount; all: JqlCount }[];
}

const PRIORITIES = ['P1', 'P2', 'P3'] as const;
/** Resolution days per on-time search: keeps each JQL a few kilobytes. */
const DAYS_PER_SEARCH = 92;

/** Tickets of the window among `keys`; keys Jira no longer knows (deleted tickets) are left out. */
async function ticketsByKeys(
  jira: JiraTransport,
  q: ReportJql,
  keys: string[],
  outcomes: Map<string, ReviewOutcome>,
): Promise<TicketFacts[]> {
  const issues = await searchByKeys(jira, q.actions, keys, {
    fields: TICKET_FACT_FIELDS,
    properties: [ACTION_PROPERTY],
  });
  return issues.flatMap((i) => ticketFacts(i, outcomes) ?? []);
}

/**
 * Done tickets of the window whose on-time record (the job's) differs from the judgement made now, whatever the
 * job did or missed: one pair of searches per few weeks of resolution days, returning only those tickets.
 */
async function onTimeDisagreements(
  jira: JiraTransport,
  q: ReportJql,
  w: ReportWindow,
  outcomes: Map<string, ReviewOutcome>,
): Promise<TicketFacts[]> {
  const days: string[] = [];
  for (let d = w.from; d <= w.today; d = addDays(d, 1)) days.push(d);
  const chunks: string[][] = [];
  for (let i = 0; i < days.length; i += DAYS_PER_SEARCH) chunks.push(days.slice(i, i + DAYS_PER_SEARCH));
  const found = await Promise.all(
    [...chunks.flatMap((c) => [q.raw.onTimeMissing(c), q.raw.onTimeWrong(c)]), q.raw.onTimeOutside].map((jql) =>
      searchTicketFacts(jira, jql, outcomes),
    ),
  );
  const byKey = new Map(found.flat().map((t) => [t.key, t]));
  return [...byKey.values()];
}

export async function ticketCounts(
  jira: JiraTransport,
  q: ReportJql,
  w: ReportWindow,
  resolutions: string[],
  outcomes: Map<string, ReviewOutcome>,
): Promise<TicketCounts> {
  const reviewDropped = [...outcomes].filter(([, o]) => o.outcome === 'dropped').map(([k]) => k);
  const probe: Dropped = { resolutions, keys: [] };
  const count = (jql: string | null) => (jql === null ? Promise.resolve(0) : approximateCount(jira, jql));
  const byRes = (extra = '') => (resolutions.length ? q.raw.droppedByResolution(probe, extra) : null);
  const pr = (p: string) => ` AND issue.property[${ACTION_PROPERTY}].priority = "${p}"`;
  // Everything in one round: no query below depends on another's answer.
  const [counts, reviewed, candidates, unjudged] = await Promise.all([
    Promise.all(
      [
        q.actions,
        q.raw.done,
        q.raw.overdue,
        q.raw.openNotDue,
        q.raw.noDueDate,
        q.raw.flaggedOnTime,
        byRes(),
        byRes(` AND issue.property[${ACTION_PROPERTY}].resolvedOnTime = 1`),
        ...PRIORITIES.flatMap((p) => [q.priorityAll(p), q.raw.priorityDone(p), byRes(pr(p))]),
      ].map(count),
    ),
    ticketsByKeys(jira, q, reviewDropped, outcomes),
    onTimeDisagreements(jira, q, w, outcomes),
    searchTicketFacts(jira, q.raw.unjudged, outcomes),
  ]);
  const [all, doneRaw, overdueRaw, notDueRaw, noDueRaw, flagged, droppedByRes, droppedFlagged, ...per] = counts;
  const inWindow = (t: TicketFacts) => t.created >= w.start;
  const O = reviewed.filter(inWindow);
  const dropped: Dropped = { resolutions, keys: O.map((t) => t.key).sort() };
  // Each review-dropped ticket as the raw counts saw it (its state without the review outcome).
  const rawState = (t: TicketFacts) => ticketState({ ...t, outcomeDropped: false }, w.today);
  const oIn = (s: string) => O.filter((t) => rawState(t) === s);
  const oDone = oIn('done');
  const n = (x: number | undefined) => x ?? 0;
  const done = n(doneRaw) - n(droppedByRes) - oDone.length;
  const overdue = n(overdueRaw) - oIn('overdue').length;
  // On time: the job's records, corrected where a judgement made now differs (the searches find exactly those).
  const isDropped = (t: TicketFacts) => ticketState(t, w.today) === 'dropped';
  const judged = candidates.filter((t) => inWindow(t) && !isDropped(t));
  const add = judged.filter((t) => resolvedOnTime(t, w.timeZone) === true && t.flag !== 1).map((t) => t.key);
  const remove = judged.filter((t) => resolvedOnTime(t, w.timeZone) !== true && t.flag === 1).map((t) => t.key);
  const onTime = n(flagged) - n(droppedFlagged) - oDone.filter((t) => t.flag === 1).length + add.length - remove.length;
  const c = (count: number, jql: string): JqlCount => ({ count, jql });
  return {
    dropped,
    all: c(n(all), q.actions),
    states: {
      done: c(done, q.done(dropped)),
      dropped: c(n(droppedByRes) + O.length - oIn('dropped').length, q.dropped(dropped)),
      overdue: c(overdue, q.overdue(dropped)),
      openNotDue: c(n(notDueRaw) - oIn('openNotDue').length, q.openNotDue(dropped)),
      noDueDate: c(n(noDueRaw) - oIn('noDueDate').length, q.noDueDate(dropped)),
    },
    onTime: c(onTime, q.onTime(dropped, add.sort(), remove.sort())),
    onTimeBase: c(done + overdue, q.onTimeBase(dropped)),
    unjudged: unjudged
      .filter((t) => inWindow(t) && ticketState(t, w.today) === 'done')
      .map((t) => t.key)
      .sort(),
    byPriority: PRIORITIES.map((p, i) => {
      const [allP, doneP, droppedP] = per.slice(i * 3, i * 3 + 3);
      const oDoneP = oDone.filter((t) => t.priority === p).length;
      return {
        priority: p,
        all: c(n(allP), q.priorityAll(p)),
        done: c(n(doneP) - n(droppedP) - oDoneP, q.priorityDone(p, dropped)),
      };
    }),
  };
}

/** Completion by priority alone (the details): nine counts and the review-dropped tickets. */
export async function priorityCounts(
  jira: JiraTransport,
  q: ReportJql,
  w: ReportWindow,
  resolutions: string[],
  outcomes: Map<string, ReviewOutcome>,
): Promise<TicketCounts['byPriority']> {
  const reviewDropped = [...outcomes].filter(([, o]) => o.outcome === 'dropped').map(([k]) => k);
  const probe: Dropped = { resolutions, keys: [] };
  const pr = (p: string) => ` AND issue.property[${ACTION_PROPERTY}].priority = "${p}"`;
  const count = (jql: string | null) => (jql === null ? Promise.resolve(0) : approximateCount(jira, jql));
  const [per, reviewed] = await Promise.all([
    Promise.all(
      PRIORITIES.flatMap((p) => [
        q.priorityAll(p),
        q.raw.priorityDone(p),
        resolutions.length ? q.raw.droppedByResolution(probe, pr(p)) : null,
      ]).map(count),
    ),
    ticketsByKeys(jira, q, reviewDropped, outcomes),
  ]);
  const O = reviewed.filter((t) => t.created >= w.start);
  const dropped: Dropped = { resolutions, keys: O.map((t) => t.key).sort() };
  const oDone = O.filter((t) => ticketState({ ...t, outcomeDropped: false }, w.today) === 'done');
  return PRIORITIES.map((p, i) => {
    const [allP = 0, doneP = 0, droppedP = 0] = per.slice(i * 3, i * 3 + 3);
    return {
      priority: p,
      all: { count: allP, jql: q.priorityAll(p) },
      done: {
        count: doneP - droppedP - oDone.filter((t) => t.priority === p).length,
        jql: q.priorityDone(p, dropped),
      },
    };
  });
}
