import { quote } from '../domain/jql';
import { JiraError } from '../jira/errors';
import type { Issue } from '../jira/schemas';
import { searchAll, type SearchOptions } from '../jira/search';
import type { JiraTransport } from '../jira/transport';

/**
 * The issues among `keys` that `jql` finds, `chunk` keys per search, all in parallel. JQL naming a key that no
 * longer exists answers 400 and names it ("An issue with key 'X' does not exist for field 'key'."): such keys are
 * left out and the rest asked again. If Jira named none of them, the error stands.
 */
export async function searchByKeys(
  jira: JiraTransport,
  jql: string,
  keys: string[],
  opts: SearchOptions,
  chunk = 100,
  idOf?: (key: string) => number | null,
): Promise<Issue[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += chunk) chunks.push(keys.slice(i, i + chunk));
  const one = async (part: string[], retries = 2): Promise<Issue[]> => {
    if (!part.length) return [];
    try {
      return await searchAll(jira, `${jql} AND key IN (${part.map(quote).join(', ')})`, {
        maxResults: 5000,
        ...opts,
        ...(idOf ? { reconcileIssues: part.flatMap((k) => idOf(k) ?? []).slice(0, 50) } : {}),
      });
    } catch (e) {
      const named = e instanceof JiraError && e.status === 400 ? e.errorMessages.join(' ') : '';
      const rest = part.filter((k) => !named.includes(`'${k}'`));
      if (retries === 0 || rest.length === part.length) throw e;
      return one(rest, retries - 1);
    }
  };
  return (await Promise.all(chunks.map((c) => one(c)))).flat();
}
