import { jql } from '../domain/jql';
import { getProject } from '../jira/config';
import { approximateCount } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { JqlFigure, PageData } from '../shared/contract';

/** Headline counts for the project page, each from one approximate-count, all in one concurrent round. */
export async function loadPage(jira: JiraTransport, projectKey: string, now: number): Promise<PageData> {
  const queries: [string, string][] = [
    ['Incidents', jql.incidents(projectKey)],
    ['Published post-mortems', jql.publishedPostmortems(projectKey)],
    ['Action tickets', jql.actionTickets(projectKey)],
    ['Action tickets done', jql.actionTicketsDone(projectKey)],
  ];
  const [project, ...counts] = await Promise.all([getProject(jira, projectKey), ...queries.map(([, q]) => approximateCount(jira, q))]);
  const figures: JqlFigure[] = queries.map(([label, q], i) => ({ label, jql: q, value: counts[i] ?? 0 }));
  return { project: { key: project.key, name: project.name }, figures, generatedAt: new Date(now).toISOString() };
}
