import type { ReportFilters } from '../shared/report';
import { ACTION_PROPERTY, INDEX_PROPERTY } from './jira-names';
import { jql, quote } from './jql';
import type { ReportWindow } from './report-definitions';
import { addDays, localMinute, startOfDay } from './zone';

const pm = (path: string) => `issue.property[${INDEX_PROPERTY}].${path}`;
const pa = (path: string) => `issue.property[${ACTION_PROPERTY}].${path}`;

/** `key IN (...)`; an empty list becomes a clause that matches nothing, so the JQL stays valid and counts 0. */
export const keyIn = (keys: string[]): string =>
  keys.length ? `key IN (${keys.map(quote).join(', ')})` : 'statusCategory = Done AND statusCategory != Done';
const keyNotIn = (keys: string[]): string => (keys.length ? ` AND key NOT IN (${keys.map(quote).join(', ')})` : '');

/**
 * What makes a ticket of the window "dropped": a done ticket with one of these resolutions (those of
 * DROPPED_RESOLUTIONS that exist on the site: JQL refuses names that do not), or a review outcome "dropped" (keys).
 */
export interface Dropped {
  resolutions: string[];
  keys: string[];
}
const names = (d: Dropped) => d.resolutions.map(quote).join(', ');
/** Not dropped: not (done with a dropping resolution), and not dropped in a review. */
const notDropped = (d: Dropped): string =>
  `${d.resolutions.length ? ` AND (statusCategory != Done OR resolution IS EMPTY OR resolution NOT IN (${names(d)}))` : ''}${keyNotIn(d.keys)}`;
const droppedClause = (d: Dropped): string => {
  if (!d.resolutions.length) return keyIn(d.keys);
  const byResolution = `statusCategory = Done AND resolution IN (${names(d)})`;
  return d.keys.length ? `((${byResolution}) OR ${keyIn(d.keys)})` : `(${byResolution})`;
};

export interface JqlScope {
  window: ReportWindow;
  /**
   * The searching user's zone: Jira reads JQL date literals in it, so the site-zone boundary is written as the
   * same instant on the user's clock (exact to the minute, whatever the two zones are).
   */
  userZone: string;
  /**
   * With a service or category filter: the incidents whose post-mortem has them now. Tickets follow their
   * incident's current values through this list, not a copy written on the ticket when it was created.
   */
  incidentKeys: string[] | null;
}

/** Every JQL behind the report, built from the filters; each figure on the page shows its own. */
export function reportJql(projectKey: string, f: ReportFilters, s: JqlScope) {
  const since = (start: number) => ` AND created >= ${quote(localMinute(start, s.userZone))}`;
  const filter = `${f.service ? ` AND ${pm('service')} = ${quote(f.service)}` : ''}${f.category ? ` AND ${pm('category')} = ${quote(f.category)}` : ''}`;
  const allIncidents = `${jql.incidents(projectKey)}${filter}`;
  const tickets = `${jql.actionTickets(projectKey)}${s.incidentKeys ? ` AND ${s.incidentKeys.length ? `${pa('incident')} IN (${s.incidentKeys.map(quote).join(', ')})` : keyIn([])}` : ''}`;
  const incidents = (start: number) => `${allIncidents}${since(start)}`;
  /** The review's tickets: open, or done since the last review. */
  const reviewFilter = (sinceIso: string) =>
    `${tickets} AND (statusCategory != Done OR resolved >= ${quote(localMinute(Date.parse(sinceIso), s.userZone))})`;
  /** Resolved within `days` (bounds first, so most tickets are ruled out at once), each day with its own test. */
  const resolvedDays = (days: string[], test: (day: string) => string) => {
    const seen = new Map<string, string>();
    const at = (day: string) => {
      const hit = seen.get(day);
      if (hit) return hit;
      const literal = quote(localMinute(startOfDay(day, s.window.timeZone), s.userZone));
      seen.set(day, literal);
      return literal;
    };
    const first = days[0] ?? s.window.today;
    const end = addDays(days[days.length - 1] ?? first, 1);
    const each = days.map((d) => `(resolved >= ${at(d)} AND resolved < ${at(addDays(d, 1))} AND ${test(d)})`);
    return `resolved >= ${at(first)} AND resolved < ${at(end)} AND (${each.join(' OR ')})`;
  };
  const published = (start: number) => `${incidents(start)} AND ${pm('status')} = "published"`;
  const repeats = (start: number) => `${published(start)} AND ${pm('repeatOf')} IS NOT EMPTY`;
  const w = s.window.start;
  const actions = `${tickets}${since(w)}`;
  const open = `${actions} AND statusCategory != Done`;
  return {
    /** Every incident with the filter's service/category now, any date: its tickets are the filtered tickets. */
    filteredIncidents: allIncidents,
    incidents: incidents(w),
    unpublished: `${incidents(w)} AND (${pm('status')} IS EMPTY OR ${pm('status')} != "published")`,
    published: (start: number = w) => published(start),
    repeats: (start: number = w) => repeats(start),
    repeatsWhileOpen: `${repeats(w)} AND ${pm('repeatWhileOpen')} = 1`,
    actions,
    /** The window's tickets in each state; `Dropped` carries what JQL cannot see (review outcomes). */
    done: (d: Dropped) => `${actions} AND statusCategory = Done${notDropped(d)}`,
    dropped: (d: Dropped) => `${actions} AND ${droppedClause(d)}`,
    overdue: (d: Dropped) => `${open} AND duedate < ${quote(s.window.today)}${keyNotIn(d.keys)}`,
    openNotDue: (d: Dropped) => `${open} AND duedate >= ${quote(s.window.today)}${keyNotIn(d.keys)}`,
    noDueDate: (d: Dropped) => `${open} AND duedate IS EMPTY${keyNotIn(d.keys)}`,
    /**
     * On time: what the on-time job recorded, corrected by the judgement made now for tickets it has not seen
     * yet or that changed since (reopened, due date moved), so the JQL counts exactly what the figure counts.
     */
    onTime: (d: Dropped, add: string[], remove: string[]) =>
      `${actions} AND statusCategory = Done${notDropped(d)} AND ((${pa('resolvedOnTime')} = 1${keyNotIn(remove)})${add.length ? ` OR ${keyIn(add)}` : ''})`,
    onTimeBase: (d: Dropped) =>
      `${actions} AND (statusCategory = Done OR duedate < ${quote(s.window.today)})${notDropped(d)}`,
    priorityAll: (p: string) => `${actions} AND ${pa('priority')} = ${quote(p)}`,
    priorityDone: (p: string, d: Dropped) =>
      `${actions} AND ${pa('priority')} = ${quote(p)} AND statusCategory = Done${notDropped(d)}`,
    /** Raw counts the figures are computed from (report-tickets.ts): none needs to know the dropped keys. */
    raw: {
      done: `${actions} AND statusCategory = Done`,
      overdue: `${open} AND duedate < ${quote(s.window.today)}`,
      openNotDue: `${open} AND duedate >= ${quote(s.window.today)}`,
      noDueDate: `${open} AND duedate IS EMPTY`,
      flaggedOnTime: `${actions} AND statusCategory = Done AND ${pa('resolvedOnTime')} = 1`,
      priorityDone: (p: string) => `${actions} AND ${pa('priority')} = ${quote(p)} AND statusCategory = Done`,
      /** Done with a dropping resolution (the names must exist: see Dropped). */
      droppedByResolution: (d: Dropped, extra = '') =>
        `${actions} AND statusCategory = Done AND resolution IN (${names(d)})${extra}`,
      /**
       * Done tickets whose on-time record disagrees with the judgement made now, for tickets resolved in `days`
       * (site-zone calendar days, a few weeks at a time): on time is resolved on a day not after the due date.
       * JQL cannot compare two fields of an issue, but it can compare each resolution day with the due date.
       */
      onTimeMissing: (days: string[]) =>
        `${actions} AND statusCategory = Done AND (${pa('resolvedOnTime')} IS EMPTY OR ${pa('resolvedOnTime')} != 1) AND ${resolvedDays(days, (d) => `(duedate IS EMPTY OR duedate >= ${quote(d)})`)}`,
      onTimeWrong: (days: string[]) =>
        `${actions} AND statusCategory = Done AND ${pa('resolvedOnTime')} = 1 AND ${resolvedDays(days, (d) => `duedate < ${quote(d)}`)}`,
      /** Done tickets resolved outside the window's days (before their creation?) or never: judged one by one. */
      onTimeOutside: `${actions} AND statusCategory = Done AND (resolved IS EMPTY OR resolved < ${quote(localMinute(s.window.start, s.userZone))})`,
      unjudged: `${actions} AND statusCategory = Done AND resolved IS EMPTY`,
      byKeys: (keys: string[]) => `${actions} AND ${keyIn(keys)}`,
    },
    /** Post-mortems of the trend's 12 months (or the window, if longer): read once for every pattern. */
    patterns: (start: number) => `${allIncidents} AND ${pm('status')} IS NOT EMPTY${since(start)} ORDER BY created ASC`,
    /** Every post-mortem ever written in the project, keys only: tells a deleted incident from an old one. */
    everyPostmortem: `${jql.incidents(projectKey)} AND ${pm('status')} IS NOT EMPTY`,
    /** The review's tickets (open, or done since the last review); its link counts exactly these. */
    review: (sinceIso: string) => `${reviewFilter(sinceIso)} ORDER BY duedate ASC`,
    /** The review's condition alone (counted: approximate-count takes no ORDER BY). */
    reviewFilter,
    /** Every tickets of the filtered incidents, for finding action items whose ticket left the project. */
    tickets,
  };
}
export type ReportJql = ReturnType<typeof reportJql>;
