import { forbidden, notFoundIssue, type HttpError } from './http-error';
import type { IssueRec, ProjectPermission, ProjectRec, UserRec } from './state/model';
import type { JiraStore } from './state/store';

/** Who is asking: a site user (asUser) or the app itself (asApp), which Jira lets act everywhere it is installed. */
export interface Caller {
  user: UserRec;
  isApp: boolean;
}

export function can(caller: Caller, project: ProjectRec, perm: ProjectPermission): boolean {
  if (caller.isApp || caller.user.siteAdmin) return true;
  const perms = project.permissions[caller.user.accountId] ?? [];
  if (perm === 'COMMENT' && perms.includes('EDIT')) return true;
  return perms.includes('ADMIN') || perms.includes(perm);
}

/** The issue, if the caller may browse it; like Jira, an invisible issue is "not found", not "forbidden". */
export function visibleIssue(store: JiraStore, caller: Caller, keyOrId: string): IssueRec {
  const issue = store.issueByKeyOrId(keyOrId);
  const project = issue ? store.projects.get(issue.projectId) : undefined;
  if (!issue || !project || !can(caller, project, 'BROWSE')) throw notFoundIssue(keyOrId);
  return issue;
}

/**
 * The issue, if the caller may change it. How Jira refuses depends on the operation: the spec of each lists the
 * status (403 for PUT issue and property, 400 for a transition, 404 for a link or a property delete), so the
 * caller passes the refusal it documents.
 */
export function editableIssue(
  store: JiraStore,
  caller: Caller,
  keyOrId: string,
  refusal: (issue: IssueRec) => HttpError = (i) => forbidden(`edit issue ${i.key}`),
  perm: ProjectPermission = 'EDIT',
): IssueRec {
  const issue = visibleIssue(store, caller, keyOrId);
  const project = store.projects.get(issue.projectId);
  if (!project || !can(caller, project, perm)) throw refusal(issue);
  return issue;
}

export function requireSiteAdmin(caller: Caller, what: string): void {
  if (!caller.isApp && !caller.user.siteAdmin) throw forbidden(what);
}
