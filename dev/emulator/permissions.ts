import { forbidden, notFoundIssue } from './http-error';
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
  return perms.includes('ADMIN') || perms.includes(perm);
}

/** The issue, if the caller may browse it; like Jira, an invisible issue is "not found", not "forbidden". */
export function visibleIssue(store: JiraStore, caller: Caller, keyOrId: string): IssueRec {
  const issue = store.issueByKeyOrId(keyOrId);
  const project = issue ? store.projects.get(issue.projectId) : undefined;
  if (!issue || !project || !can(caller, project, 'BROWSE')) throw notFoundIssue(keyOrId);
  return issue;
}

export function editableIssue(store: JiraStore, caller: Caller, keyOrId: string): IssueRec {
  const issue = visibleIssue(store, caller, keyOrId);
  const project = store.projects.get(issue.projectId);
  if (!project || !can(caller, project, 'EDIT')) throw forbidden(`edit issue ${issue.key}`);
  return issue;
}

export function requireSiteAdmin(caller: Caller, what: string): void {
  if (!caller.isApp && !caller.user.siteAdmin) throw forbidden(what);
}
