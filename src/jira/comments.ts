import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, readJson } from './client';
import type { JiraTransport } from './transport';

const CommentPageSchema = z.object({
  comments: z.array(z.object({ id: z.string(), body: z.unknown(), created: z.string().optional() })),
  startAt: z.number().optional(),
  total: z.number().optional(),
});

/** The newest comments of an issue (newest first), up to `max`: enough to find one the app posted recently. */
export async function recentComments(t: JiraTransport, issueKey: string, max = 100) {
  const res = await t.requestJira(
    route`/rest/api/3/issue/${issueKey}/comment?orderBy=${'-created'}&maxResults=${String(max)}`,
    { method: 'GET', headers: JSON_HEADERS },
  );
  return (await readJson(res, CommentPageSchema, `Read comments of ${issueKey}`)).comments;
}

/** The site's own address, for links in comments (a scheduled trigger has no page to take it from). */
export async function siteBaseUrl(t: JiraTransport): Promise<string> {
  const res = await t.requestJira(route`/rest/api/3/serverInfo`, { method: 'GET', headers: JSON_HEADERS });
  return (await readJson(res, z.object({ baseUrl: z.string() }), 'Read server info')).baseUrl;
}
