import { route } from '@forge/api';
import { JSON_HEADERS, expectOk, json } from './client';
import type { JiraTransport } from './transport';

/** Reads go through getIssue(..., { properties }) so one call brings fields and properties together. */
export async function setIssueProperty(t: JiraTransport, issueKey: string, propertyKey: string, value: unknown) {
  const res = await t.requestJira(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, {
    method: 'PUT',
    headers: JSON_HEADERS,
    body: json(value),
  });
  await expectOk(res, `Save ${propertyKey} on ${issueKey}`);
}
