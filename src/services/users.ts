import { findAssignableUsers } from '../jira/config';
import type { JiraTransport } from '../jira/transport';
import type { UserRef } from '../shared/contract';

/** People who can own action items in the project (Jira's assignable users), as the panel lists them. */
export async function searchUsers(
  jira: JiraTransport,
  projectKey: string,
  query: string,
): Promise<{ users: UserRef[] }> {
  const users = await findAssignableUsers(jira, projectKey, query);
  return { users: users.map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId })) };
}
