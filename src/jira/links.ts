import { route } from '@forge/api';
import { JSON_HEADERS, expectOk, json } from './client';
import type { JiraTransport } from './transport';

/**
 * Links two issues. Jira answers 201 for a duplicate link too, so retrying is safe. Direction: Jira shows the
 * `inwardIssue` with the type's OUTWARD description ("A blocks B" for {type: Blocks, inwardIssue: A,
 * outwardIssue: B}; developer.atlassian.com/cloud/jira/platform/issue-linking-model/), so `inwardKey` is the
 * subject of the outward sentence.
 */
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
  await expectOk(res, `Link ${input.inwardKey} to ${input.outwardKey}`);
}
