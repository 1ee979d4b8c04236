import { adfProblems } from '../adf';
import { HttpError } from '../http-error';
import type { IssueRec } from '../state/model';
import type { JiraStore } from '../state/store';
import { obj, str } from './types';

/**
 * Applies create/edit `fields` to an issue record, with Jira's field-level 400 errors.
 * The sprint field takes a bare integer sprint id, as in Jira Cloud.
 */
export function applyFields(
  store: JiraStore,
  issue: IssueRec,
  fields: Record<string, unknown>,
  errors: Record<string, string>,
): void {
  const sprintField = store.sprintFieldId();
  for (const [id, value] of Object.entries(fields)) {
    switch (id) {
      case 'project':
      case 'issuetype':
        break; // handled by the caller
      case 'summary': {
        const s = str(value)?.trim();
        if (!s) errors.summary = 'You must specify a summary of the issue.';
        else if (s.length > 255) errors.summary = 'Summary must be less than 255 characters.';
        else issue.summary = s;
        break;
      }
      case 'description': {
        const problems = value === null ? [] : adfProblems(value);
        if (problems.length)
          errors.description = `Operation value must be a valid Atlassian Document: ${problems.slice(0, 3).join('; ')}`;
        else issue.description = value;
        break;
      }
      case 'assignee': {
        if (value === null) {
          issue.assigneeId = null;
          break;
        }
        const accountId = str(obj(value).accountId);
        const user = accountId ? store.users.get(accountId) : undefined;
        const project = store.projects.get(issue.projectId);
        const assignable =
          user && project && (project.permissions[user.accountId] ?? []).some((p) => p === 'EDIT' || p === 'ADMIN');
        if (!user || !user.active) errors.assignee = `User '${accountId ?? ''}' does not exist.`;
        else if (!assignable && !user.siteAdmin)
          errors.assignee = `User '${user.displayName}' cannot be assigned issues.`;
        else issue.assigneeId = user.accountId;
        break;
      }
      case 'priority': {
        const p = obj(value);
        const found = [...store.priorities.values()].find((x) => x.id === str(p.id) || x.name === str(p.name));
        if (!found) errors.priority = 'The priority selected is invalid.';
        else issue.priorityId = found.id;
        break;
      }
      case 'duedate': {
        if (value === null) {
          issue.duedate = null;
          break;
        }
        const d = str(value);
        if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)))
          errors.duedate = "Error parsing date string: use the format 'yyyy-MM-dd'.";
        else issue.duedate = d;
        break;
      }
      case 'labels': {
        if (!Array.isArray(value) || value.some((l) => typeof l !== 'string' || /\s/.test(l)))
          errors.labels = 'Labels must be a list of strings without spaces.';
        else issue.labels = value.filter((l): l is string => typeof l === 'string');
        break;
      }
      default:
        if (id === sprintField) {
          if (value === null) {
            issue.sprintIds = [];
            break;
          }
          if (typeof value !== 'number' || !Number.isInteger(value)) {
            errors[id] = 'Number value expected as the Sprint id.';
            break;
          }
          const sprint = store.sprints.get(value);
          if (!sprint) errors[id] = `Sprint with id ${value} does not exist.`;
          else if (sprint.state === 'closed') errors[id] = 'Issue can be assigned only to active or future sprints.';
          else issue.sprintIds = [value];
        } else {
          // Known or not, a field the create/edit screen lacks is refused, never dropped silently (Jira's words).
          errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
        }
    }
  }
}

export function throwIfErrors(errors: Record<string, string>): void {
  if (Object.keys(errors).length > 0) throw new HttpError(400, [], errors);
}
