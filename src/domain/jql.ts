import { ACTION_PROPERTY, INCIDENT_TYPE, INDEX_PROPERTY } from './jira-names';

/**
 * Every JQL the app runs is written here, so the queries behind each figure can be read, tested and
 * shown to the person (each figure on the page states its JQL). Values are quoted for JQL.
 */
export const quote = (v: string): string => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export const jql = {
  incidents: (projectKey: string) => `project = ${quote(projectKey)} AND issuetype = ${quote(INCIDENT_TYPE.name)}`,
  publishedPostmortems: (projectKey: string) =>
    `${jql.incidents(projectKey)} AND issue.property[${INDEX_PROPERTY}].status = "published"`,
  actionTickets: (projectKey: string) =>
    `project = ${quote(projectKey)} AND issue.property[${ACTION_PROPERTY}].incident IS NOT EMPTY`,
  actionTicketsDone: (projectKey: string) => `${jql.actionTickets(projectKey)} AND statusCategory = Done`,
  actionTicketsOf: (projectKey: string, incidentKey: string) =>
    `project = ${quote(projectKey)} AND issue.property[${ACTION_PROPERTY}].incident = ${quote(incidentKey)}`,
  openActionTickets: (projectKey: string) =>
    `${jql.actionTickets(projectKey)} AND statusCategory != Done ORDER BY duedate ASC`,
  /** Rule 3 and the panel's own tickets in one search: open ones, ones done since the last review, and this incident's. */
  reviewTickets: (projectKey: string, since: string, incidentKey: string, now: number) =>
    `${jql.actionTickets(projectKey)} AND (statusCategory != Done OR resolved >= ${quote(jqlDate(since, now, 'at-or-before'))} OR issue.property[${ACTION_PROPERTY}].incident = ${quote(incidentKey)}) ORDER BY duedate ASC`,
  /** Post-mortems written before this incident, newest first: the candidates for "same root cause". */
  earlierPostmortems: (projectKey: string, createdBefore: string, now: number) =>
    `${jql.incidents(projectKey)} AND issue.property[${INDEX_PROPERTY}].status IS NOT EMPTY AND created < ${quote(jqlDate(createdBefore, now, 'at-or-after'))} ORDER BY created DESC`,
  openActionsOfIncident: (projectKey: string, incidentKey: string) =>
    `${jql.actionTicketsOf(projectKey, incidentKey)} AND statusCategory != Done`,
};

/**
 * An instant for JQL, as a period from now ("-4321m"). Jira reads date-time literals such as "2026-11-20 14:00" in
 * the searching user's time zone, which the app does not know; a period means the same instant in every zone.
 * Minute precision, rounded so the query is a superset (callers filter exactly in memory): 'at-or-before' for a
 * lower bound (>=), 'at-or-after' for an upper bound (<).
 */
export function jqlDate(iso: string, now: number, round: 'at-or-before' | 'at-or-after'): string {
  const minutes = (now - Date.parse(iso)) / 60_000;
  const m = round === 'at-or-before' ? Math.ceil(minutes) : Math.floor(minutes);
  return m >= 0 ? `-${m}m` : `+${-m}m`;
}

export const withinDays = (query: string, field: 'created' | 'resolved', days: number) =>
  `${query} AND ${field} >= -${days}d`;
