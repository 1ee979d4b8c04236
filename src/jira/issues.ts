import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, expectOk, jiraErrorOf, json, readJson } from './client';
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

/**
 * Edits fields and, in the same request, sets issue properties (Jira: "properties may be updated as part of the edit").
 */
export async function editIssue(
  t: JiraTransport,
  key: string,
  fields: Record<string, unknown>,
  properties: { key: string; value: unknown }[] = [],
) {
  const res = await t.requestJira(route`/rest/api/3/issue/${key}`, {
    method: 'PUT',
    headers: JSON_HEADERS,
    body: json({
      ...(Object.keys(fields).length || !properties.length ? { fields } : {}),
      ...(properties.length ? { properties } : {}),
    }),
  });
  await expectOk(res, `Edit issue ${key}`);
}

const CreatedIssuesSchema = z.object({
  issues: z.array(z.object({ id: z.string(), key: z.string() })).default([]),
  errors: z
    .array(
      z.object({
        status: z.number().optional(),
        failedElementNumber: z.number(),
        elementErrors: z
          .object({
            errorMessages: z.array(z.string()).default([]),
            errors: z.record(z.string(), z.string()).default({}),
          })
          .default({ errorMessages: [], errors: {} }),
      }),
    )
    .default([]),
});
export type CreatedIssues = z.infer<typeof CreatedIssuesSchema>;

/** One create request as `createIssue` takes it: fields, properties, update operations. */
export interface IssueCreate {
  fields: Record<string, unknown>;
  properties?: { key: string; value: unknown }[];
  update?: Record<string, unknown>;
}

/**
 * Creates up to 50 issues in one request. Jira answers each element on its own: the created issues (in request
 * order) and one error per refused element (`failedElementNumber`); 400 with the same shape when all were refused.
 * Any other failure (5xx, 429, 401/403 for the whole request) throws a JiraError, as other calls do.
 */
export async function createIssues(t: JiraTransport, creates: IssueCreate[]): Promise<CreatedIssues> {
  const res = await t.requestJira(route`/rest/api/3/issue/bulk`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json({ issueUpdates: creates }),
  });
  if (res.status !== 400) return readJson(res, CreatedIssuesSchema, 'Create issues');
  const raw = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(raw);
  } catch {
    /* not the per-element shape: a plain refusal below */
  }
  const parsed = CreatedIssuesSchema.safeParse(body);
  if (parsed.success && parsed.data.errors.length > 0) return parsed.data;
  throw jiraErrorOf(res, raw, 'Create issues');
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
