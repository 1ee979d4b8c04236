import type { JiraStore } from '../state/store';
import type { Atom } from './fields';
import { JqlError } from './errors';

/**
 * `issue in linkedIssues(KEY)` and `linkedIssues(KEY, "link description")`. Jira takes the link's description as
 * seen from KEY ("is blocked by", "blocks"), not the link type's name
 * (support.atlassian.com/jira-software-cloud/docs/jql-functions/#linkedIssues--).
 *
 * Direction: a link created with POST /issueLink {type: Blocks, inwardIssue: A, outwardIssue: B} reads "A blocks B"
 * in Jira (developer.atlassian.com/cloud/jira/platform/issue-linking-model/; forge-and-jira-facts.md): the stored
 * inwardIssueId is A, whose side of the link carries the type's OUTWARD description. So from A the link is
 * "blocks" (to B), from B it is "is blocked by" (to A).
 */
export function linkedIssueAtoms(
  args: string[],
  ctx: { store: JiraStore; canBrowse(projectId: string): boolean },
): Atom[] {
  const [key, description] = args;
  const issue = key ? ctx.store.issueByKeyOrId(key) : undefined;
  if (!issue || !ctx.canBrowse(issue.projectId))
    throw new JqlError(`Issue '${key ?? ''}' could not be found in function 'linkedIssues'.`);
  const wanted = description?.trim().toLowerCase();
  const types = [...ctx.store.linkTypes.values()];
  if (wanted && !types.some((t) => t.inward.toLowerCase() === wanted || t.outward.toLowerCase() === wanted))
    throw new JqlError(`Issue link type '${description ?? ''}' could not be found in function 'linkedIssues'.`);
  const out: Atom[] = [];
  for (const l of ctx.store.links.values()) {
    const type = ctx.store.linkTypes.get(l.typeId);
    if (!type) continue;
    let other: number | null = null;
    let desc = '';
    if (l.inwardIssueId === issue.id) {
      other = l.outwardIssueId;
      desc = type.outward;
    } else if (l.outwardIssueId === issue.id) {
      other = l.inwardIssueId;
      desc = type.inward;
    }
    if (other === null || (wanted && wanted !== desc.toLowerCase())) continue;
    const o = ctx.store.issues.get(other);
    if (o) out.push(o.key.toLowerCase());
  }
  return out;
}
