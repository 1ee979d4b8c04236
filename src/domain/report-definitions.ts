import { ACTION_PROPERTY } from './jira-names';
import { addDays, localDate, startOfDay } from './zone';

/**
 * What each figure of the report counts: the one place that defines them. The services gather the facts from
 * Jira and call these pure functions; the page shows the sentences below; the README repeats them; the benchmark
 * checks its baseline against them. Every day and month boundary is cut in the site's default time zone.
 */

/** Resolutions that close a ticket without doing it (Jira's defaults and common variants), compared lowercased. */
export const DROPPED_RESOLUTIONS = ["won't do", "won't fix", 'declined', 'duplicate', 'cannot reproduce', 'obsolete'];

/** The report's window: the last `days` calendar days, today included, in the site's zone. */
export interface ReportWindow {
  days: number;
  timeZone: string;
  /** First day of the window ("YYYY-MM-DD", site zone) and the instant it starts. */
  from: string;
  start: number;
  /** Today in the site's zone: a ticket due today is not overdue yet. */
  today: string;
}

export function reportWindow(now: number, days: number, timeZone: string): ReportWindow {
  const today = localDate(now, timeZone);
  const from = addDays(today, -(days - 1));
  return { days, timeZone, from, start: startOfDay(from, timeZone), today };
}

/** One action ticket as the report needs it (built from a search result, or from raw records in a baseline). */
export interface TicketFacts {
  key: string;
  incident: string;
  priority: 'P1' | 'P2' | 'P3';
  created: number;
  /** Status category Done. */
  done: boolean;
  resolution: string | null;
  /** Resolution date (ms), null when Jira has none. */
  resolved: number | null;
  due: string | null;
  /** What the on-time job recorded, if it ran. */
  flag: 0 | 1 | null;
  /** A review recorded "dropped" for it. */
  outcomeDropped: boolean;
}

export type TicketState = 'done' | 'dropped' | 'overdue' | 'noDueDate' | 'openNotDue';

/** Done is status category Done; a dropping resolution or a review outcome "dropped" makes it dropped instead. */
export function ticketState(t: TicketFacts, today: string): TicketState {
  if (t.outcomeDropped) return 'dropped';
  if (t.done) return t.resolution && DROPPED_RESOLUTIONS.includes(t.resolution.toLowerCase()) ? 'dropped' : 'done';
  if (t.due === null) return 'noDueDate';
  return t.due < today ? 'overdue' : 'openNotDue';
}

/**
 * On time: resolved on or before the due date, the resolution's day taken in the site's zone. No due date
 * cannot be late. A done ticket without a resolution date cannot be judged: null (not counted as on time).
 */
export function resolvedOnTime(t: Pick<TicketFacts, 'resolved' | 'due'>, timeZone: string): boolean | null {
  if (t.resolved === null) return null;
  return t.due === null || localDate(t.resolved, timeZone) <= t.due;
}

export interface ActionFigures {
  all: string[];
  done: string[];
  dropped: string[];
  overdue: string[];
  noDueDate: string[];
  openNotDue: string[];
  /** Done and on time; the on-time base is done plus overdue (the tickets already due or done). */
  onTime: string[];
  onTimeBase: string[];
  /** Done without a resolution date: never counted as on time. */
  unjudged: string[];
  /** Where the on-time job's record disagrees with the judgement now (not run yet, reopened, due date moved). */
  flagMissingOnTime: string[];
  flagWrongOnTime: string[];
}

/** The window's action tickets split by state, with on-time judged now (not only when the job last ran). */
export function actionFigures(tickets: TicketFacts[], w: ReportWindow): ActionFigures {
  const mine = tickets.filter((t) => t.created >= w.start).sort((a, b) => a.key.localeCompare(b.key));
  const of = (s: TicketState) => mine.filter((t) => ticketState(t, w.today) === s);
  const done = of('done');
  const judged = done.map((t) => ({ t, onTime: resolvedOnTime(t, w.timeZone) === true }));
  const keys = (xs: TicketFacts[]) => xs.map((t) => t.key);
  return {
    all: keys(mine),
    done: keys(done),
    dropped: keys(of('dropped')),
    overdue: keys(of('overdue')),
    noDueDate: keys(of('noDueDate')),
    openNotDue: keys(of('openNotDue')),
    onTime: judged.filter((j) => j.onTime).map((j) => j.t.key),
    onTimeBase: [...keys(done), ...keys(of('overdue'))],
    unjudged: keys(done.filter((t) => t.resolved === null)),
    flagMissingOnTime: judged.filter((j) => j.onTime && j.t.flag !== 1).map((j) => j.t.key),
    flagWrongOnTime: judged.filter((j) => !j.onTime && j.t.flag === 1).map((j) => j.t.key),
  };
}

/** One sentence per figure, shown on its card: exactly what it counts. */
export const FIGURE_DEFINITIONS = {
  incidents: 'Incidents created in the window.',
  unpublished: 'Incidents created in the window without a published post-mortem yet.',
  actions: 'Action tickets created in the window, by state.',
  completion:
    'Action tickets created in the window that are done (status category Done, not dropped), of all action tickets created in the window.',
  onTime:
    'Done tickets resolved on or before their due date (or with none), of the tickets done or already past due; days end at midnight in the site zone.',
  repeatRate:
    'Published post-mortems of incidents created in the window that confirm the same root cause as an earlier incident, of all published post-mortems of the window.',
  repeatsWhileOpen:
    "Repeats in the window whose earlier incident still had an open action ticket when the repeat's incident was created.",
  overdue: 'Open action tickets created in the window whose due date is before today (site zone).',
  dropped:
    'Action tickets created in the window resolved as not done ("Won\'t do" and similar) or dropped in a review.',
  missing: 'Action items whose ticket is no longer in this project (moved or deleted): not counted above.',
} as const;
export type FigureId = keyof typeof FIGURE_DEFINITIONS;

/** How far back the on-time job looks for done tickets that changed (it runs hourly and on issue updates). */
export const ON_TIME_RECHECK = '-2d';

/** The on-time job's candidates: done action tickets never judged, or updated lately (the job skips unchanged ones). */
export function onTimeJobJql(projectKeys: string[] | null): string {
  const scope = projectKeys?.length ? `project in (${projectKeys.map((k) => `"${k}"`).join(', ')}) AND ` : '';
  return `${scope}issue.property[${ACTION_PROPERTY}].incident IS NOT EMPTY AND statusCategory = Done AND (issue.property[${ACTION_PROPERTY}].resolvedOnTime IS EMPTY OR updated >= ${ON_TIME_RECHECK})`;
}

/**
 * "Repeat while earlier actions were open", judged at the time of the repeat: did the earlier incident have an
 * action ticket that existed and was not yet resolved when the repeat's incident was created?
 */
export function anyOpenAt(tickets: { created: number; resolved: number | null; done: boolean }[], at: number): boolean {
  return tickets.some((t) => t.created <= at && (t.resolved === null ? !t.done : t.resolved > at));
}
