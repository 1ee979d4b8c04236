import type { ReportFilters } from '../shared/report';
import { ACTION_PROPERTY, INDEX_PROPERTY } from './jira-names';
import { jql, quote } from './jql';
import type { ReportWindow } from './report-definitions';
import { localMinute } from './zone';

const pm = (path: string) => `issue.property[${INDEX_PROPERTY}].${path}`;
const pa = (path: string) => `issue.property[${ACTION_PROPERTY}].${path}`;

/** `key IN (...)`; an empty list becomes a clause that matches nothing, so the JQL stays valid and counts 0. */
export const keyIn = (keys: string[]): string =>
  keys.length ? `key IN (${keys.map(quote).join(', ')})` : 'statusCategory = Done AND statusCategory != Done';
const keyNotIn = (keys: string[]): string => (keys.length ? ` AND key NOT IN (${keys.map(quote).join(', ')})` : '');

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
    /** The window's tickets in each state; key lists carry what JQL cannot see (review outcomes, resolutions). */
    done: (dropped: string[]) => `${actions} AND statusCategory = Done${keyNotIn(dropped)}`,
    dropped: (dropped: string[]) => `${actions} AND ${keyIn(dropped)}`,
    overdue: (dropped: string[]) => `${open} AND duedate < ${quote(s.window.today)}${keyNotIn(dropped)}`,
    openNotDue: (dropped: string[]) => `${open} AND duedate >= ${quote(s.window.today)}${keyNotIn(dropped)}`,
    noDueDate: (dropped: string[]) => `${open} AND duedate IS EMPTY${keyNotIn(dropped)}`,
    /**
     * On time: what the on-time job recorded, corrected by the judgement made now for tickets it has not seen
     * yet or that changed since (reopened, due date moved), so the JQL counts exactly what the figure counts.
     */
    onTime: (dropped: string[], add: string[], remove: string[]) =>
      `${actions} AND statusCategory = Done${keyNotIn(dropped)} AND ((${pa('resolvedOnTime')} = 1${keyNotIn(remove)})${add.length ? ` OR ${keyIn(add)}` : ''})`,
    onTimeBase: (dropped: string[]) =>
      `${actions} AND (statusCategory = Done OR duedate < ${quote(s.window.today)})${keyNotIn(dropped)}`,
    priorityAll: (p: string) => `${actions} AND ${pa('priority')} = ${quote(p)}`,
    priorityDone: (p: string, dropped: string[]) =>
      `${actions} AND ${pa('priority')} = ${quote(p)} AND statusCategory = Done${keyNotIn(dropped)}`,
    /** Post-mortems of the trend's 12 months (or the window, if longer): read once for every pattern. */
    patterns: (start: number) => `${allIncidents} AND ${pm('status')} IS NOT EMPTY${since(start)} ORDER BY created ASC`,
    /** Every post-mortem ever written in the project, keys only: tells a deleted incident from an old one. */
    everyPostmortem: `${jql.incidents(projectKey)} AND ${pm('status')} IS NOT EMPTY`,
    /** The review's tickets (open, or done since the last review); its link counts exactly these. */
    review: (sinceIso: string) =>
      `${tickets} AND (statusCategory != Done OR resolved >= ${quote(localMinute(Date.parse(sinceIso), s.userZone))}) ORDER BY duedate ASC`,
    /** Every tickets of the filtered incidents, for finding action items whose ticket left the project. */
    tickets,
  };
}
export type ReportJql = ReturnType<typeof reportJql>;
