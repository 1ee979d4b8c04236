import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, expectOk, json, readJson } from './client';
import { IssueSchema, StatusSchema } from './schemas';
import type { JiraTransport } from './transport';

export async function getIssue(
  t: JiraTransport,
  key: string,
  opts: { fields: string[]; properties?: string[]; expand?: string[] },
) {
  const fields = opts.fields.join(',');
  const properties = (opts.properties ?? []).join(',');
  const expand = (opts.expand ?? []).join(',');
  const res = await t.requestJira(
    route`/rest/api/3/issue/${key}?fields=${fields}&properties=${properties}&expand=${expand}`,
    { method: 'GET', headers: JSON_HEADERS },
  );
  return readJson(res, IssueSchema, `Read issue ${key}`);
}

/**
 * Creates an issue; `fields` is Jira's create body (project, issuetype, summary, ADF description, ...), `update`
 * its operations (e.g. `issuelinks` to link the issue in the same request).
 */
export async function createIssue(
  t: JiraTransport,
  fields: Record<string, unknown>,
  properties?: { key: string; value: unknown }[],
  update?: Record<string, unknown>,
) {
  const body = { fields, ...(properties ? { properties } : {}), ...(update ? { update } : {}) };
  const res = await t.requestJira(route`/rest/api/3/issue`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json(body),
  });
  return readJson(res, z.object({ id: z.string(), key: z.string() }), 'Create issue');
}

export async function editIssue(t: JiraTransport, key: string, fields: Record<string, unknown>) {
  const res = await t.requestJira(route`/rest/api/3/issue/${key}`, {
    method: 'PUT',
    headers: JSON_HEADERS,
    body: json({ fields }),
  });
  await expectOk(res, `Edit issue ${key}`);
}

const TransitionSchema = z.object({ id: z.string(), name: z.string(), to: StatusSchema.optional() });

export async function getTransitions(t: JiraTransport, key: string) {
  const res = await t.requestJira(route`/rest/api/3/issue/${key}/transitions`, {
    method: 'GET',
    headers: JSON_HEADERS,
  });
  return readJson(res, z.object({ transitions: z.array(TransitionSchema) }), `List transitions of ${key}`);
}

export async function transitionIssue(t: JiraTransport, key: string, transitionId: string) {
  const res = await t.requestJira(route`/rest/api/3/issue/${key}/transitions`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json({ transition: { id: transitionId } }),
  });
  await expectOk(res, `Transition ${key}`);
}

/** Adds a comment whose body is an ADF document. */
export async function addComment(t: JiraTransport, key: string, adf: unknown) {
  const res = await t.requestJira(route`/rest/api/3/issue/${key}/comment`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json({ body: adf }),
  });
  return readJson(res, z.object({ id: z.string() }), `Comment on ${key}`);
}
