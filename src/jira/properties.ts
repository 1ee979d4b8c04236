import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, expectOk, json, readJson } from './client';
import type { JiraTransport } from './transport';

/** An issue entity property's value, or null when the issue has none under that key. */
export async function getIssueProperty(t: JiraTransport, issueKey: string, propertyKey: string): Promise<unknown> {
  const res = await t.requestJira(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, { method: 'GET', headers: JSON_HEADERS });
  if (res.status === 404) {
    // 404 means either "no such property" or "no such issue": tell them apart by the message.
    const text = await res.text();
    if (/property/i.test(text)) return null;
    return readJson({ status: 404, headers: res.headers, text: async () => text }, z.unknown(), `Read ${propertyKey} of ${issueKey}`);
  }
  const body = await readJson(res, z.object({ key: z.string(), value: z.unknown() }), `Read ${propertyKey} of ${issueKey}`);
  return body.value;
}

export async function setIssueProperty(t: JiraTransport, issueKey: string, propertyKey: string, value: unknown) {
  const res = await t.requestJira(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, { method: 'PUT', headers: JSON_HEADERS, body: json(value) });
  await expectOk(res, `Save ${propertyKey} on ${issueKey}`);
}
