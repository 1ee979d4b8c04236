import { ACTION_PROPERTY, INCIDENT_TYPE, POSTMORTEM_PROPERTY } from './jira-names';

/**
 * Every JQL the app runs is written here, so the queries behind each figure can be read, tested and
 * shown to the person (each figure on the page states its JQL). Values are quoted for JQL.
 */
export const quote = (v: string): string => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export const jql = {
  incidents: (projectKey: string) => `project = ${quote(projectKey)} AND issuetype = ${quote(INCIDENT_TYPE.name)}`,
  publishedPostmortems: (projectKey: string) => `${jql.incidents(projectKey)} AND issue.property[${POSTMORTEM_PROPERTY}].status = "published"`,
  actionTickets: (projectKey: string) => `project = ${quote(projectKey)} AND issue.property[${ACTION_PROPERTY}].incident IS NOT EMPTY`,
  actionTicketsDone: (projectKey: string) => `${jql.actionTickets(projectKey)} AND statusCategory = Done`,
  actionTicketsOf: (projectKey: string, incidentKey: string) => `project = ${quote(projectKey)} AND issue.property[${ACTION_PROPERTY}].incident = ${quote(incidentKey)}`,
};

export const withinDays = (query: string, field: 'created' | 'resolved', days: number) => `${query} AND ${field} >= -${days}d`;
