import type { ReportFilters } from '../shared/report';
import { ACTION_PROPERTY, INDEX_PROPERTY } from './jira-names';
import { jql, jqlDate, quote } from './jql';

/** Every JQL behind the report, built from the filters; each figure on the page shows its own. */
export function reportJql(projectKey: string, f: ReportFilters, now: number) {
  const pm = (path: string) => `issue.property[${INDEX_PROPERTY}].${path}`;
  const pa = (path: string) => `issue.property[${ACTION_PROPERTY}].${path}`;
  const incidents = `${jql.incidents(projectKey)}${f.service ? ` AND ${pm('service')} = ${quote(f.service)}` : ''}${f.category ? ` AND ${pm('category')} = ${quote(f.category)}` : ''}`;
  const tickets = `${jql.actionTickets(projectKey)}${f.service ? ` AND ${pa('service')} = ${quote(f.service)}` : ''}${f.category ? ` AND ${pa('category')} = ${quote(f.category)}` : ''}`;
  const within = (days: number) => ` AND created >= -${days}d`;
  const published = (days: number) => `${incidents} AND ${pm('status')} = "published"${within(days)}`;
  const repeats = (days: number) => `${published(days)} AND ${pm('repeatOf')} IS NOT EMPTY`;
  const actions = `${tickets}${within(f.windowDays)}`;
  const done = `${actions} AND statusCategory = Done`;
  return {
    incidents: `${incidents}${within(f.windowDays)}`,
    published,
    repeats,
    repeatsWhileOpen: `${repeats(f.windowDays)} AND ${pm('repeatWhileOpen')} = 1`,
    actions,
    done,
    onTime: `${done} AND ${pa('resolvedOnTime')} = 1`,
    overdue: `${tickets} AND statusCategory != Done AND duedate < startOfDay()`,
    priorityAll: (p: string) => `${actions} AND ${pa('priority')} = ${quote(p)}`,
    priorityDone: (p: string) => `${done} AND ${pa('priority')} = ${quote(p)}`,
    /** Post-mortems of the trend's 12 months (or the window, if longer): read once for every pattern. */
    patterns: (days: number) => `${incidents} AND ${pm('status')} IS NOT EMPTY${within(days)} ORDER BY created ASC`,
    review: (since: string) =>
      `${tickets} AND (statusCategory != Done OR resolved >= ${quote(jqlDate(since, now, 'at-or-before'))}) ORDER BY duedate ASC`,
    openReview: `${tickets} AND statusCategory != Done ORDER BY duedate ASC`,
  };
}
