import { INCIDENT_TYPE } from '../domain/jira-names';
import { getProject } from '../jira/config';
import { JiraError } from '../jira/errors';
import { AppFailure, SetupFailure } from './failure';

/** Typed answers the panel and page show as they are: what is wrong and who can fix it. */
export const NO_ACCESS = 'no-access';

/** Jira's own words first, then what to do about them. */
export function noAccess(what: string, jira?: JiraError): AppFailure {
  const words = jira?.errorMessages[0] ?? `${what} does not exist or you do not have permission to see it.`;
  return new AppFailure(
    'NOT_FOUND',
    `${words} Seeing ${what} needs the Browse projects permission for its project: a Jira admin can give it to you.`,
    undefined,
    NO_ACCESS,
  );
}

/** The deploy side's typed "setup required" answer (SetupFailure), naming the project that lacks the type. */
export function incidentTypeMissing(projectKey: string): SetupFailure {
  return new SetupFailure(
    'incident-type-missing',
    `Project ${projectKey} has no "${INCIDENT_TYPE.name}" issue type, so it has no post-mortems to show. A Jira admin adds "${INCIDENT_TYPE.name}" to the project's issue type scheme (in a team-managed project: Project settings > Issue types).`,
  );
}

/**
 * The project, if the person may browse it and it has the Incident type. Jira answers every JQL naming a project
 * the person cannot browse, or a type the project lacks, with 400 ("The value 'X' does not exist for the field
 * 'project'."), which would read as a broken app: this turns both into typed answers.
 */
export async function requireIncidentProject(jira: Parameters<typeof getProject>[0], projectKey: string) {
  let project;
  try {
    project = await getProject(jira, projectKey);
  } catch (e) {
    if (e instanceof JiraError && e.isNotFound) throw noAccess(`project ${projectKey}`, e);
    throw e;
  }
  if (project.issueTypes && !project.issueTypes.some((t) => t.name === INCIDENT_TYPE.name))
    throw incidentTypeMissing(project.key);
  return project;
}

/** Runs `work`; if Jira refuses its JQL (400/404), explains the refusal when it comes from access or setup. */
export async function explainRefusals<T>(
  jira: Parameters<typeof getProject>[0],
  projectKey: string,
  work: Promise<T>,
): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof JiraError && (e.status === 400 || e.status === 404))
      await requireIncidentProject(jira, projectKey);
    throw e;
  }
}
