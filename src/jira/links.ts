import { route } from '@forge/api';
import { JSON_HEADERS, expectOk, json } from './client';
import type { JiraTransport } from './transport';

/** Links two issues. Jira answers 201 for a duplicate link too, so retrying is safe. */
export async function createIssueLink(
  t: JiraTransport,
  input: { typeName: string; inwardKey: string; outwardKey: string },
) {
  const res = await t.requestJira(route`/rest/api/3/issueLink`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json({
      type: { name: input.typeName },
      inwardIssue: { key: input.inwardKey },
      outwardIssue: { key: input.outwardKey },
    }),
  });
  await expectOk(res, `Link ${input.outwardKey} to ${input.inwardKey}`);
}
