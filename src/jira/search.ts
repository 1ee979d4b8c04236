import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, json, readJson } from './client';
import { IssueSchema, type Issue } from './schemas';
import type { JiraTransport } from './transport';

const SearchPageSchema = z.object({
  issues: z.array(IssueSchema),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

export interface SearchOptions {
  fields?: string[];
  properties?: string[];
  maxResults?: number;
  /** Up to 50 ids of just-written issues, so eventual consistency does not hide them. */
  reconcileIssues?: number[];
}

/** One page of POST /rest/api/3/search/jql (the only search endpoint: /search answers 410). */
export async function searchPage(t: JiraTransport, jql: string, opts: SearchOptions & { nextPageToken?: string }) {
  const body: Record<string, unknown> = { jql, fields: opts.fields ?? ['id'], maxResults: opts.maxResults ?? 100 };
  if (opts.properties?.length) body.properties = opts.properties;
  if (opts.nextPageToken) body.nextPageToken = opts.nextPageToken;
  if (opts.reconcileIssues?.length) body.reconcileIssues = opts.reconcileIssues.slice(0, 50);
  const res = await t.requestJira(route`/rest/api/3/search/jql`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json(body),
  });
  return readJson(res, SearchPageSchema, 'Search issues');
}

/** Every issue matching the JQL, page after page (pages are sequential: each needs the last token). */
export async function searchAll(
  t: JiraTransport,
  jql: string,
  opts: SearchOptions & { limit?: number } = {},
): Promise<Issue[]> {
  const all: Issue[] = [];
  let token: string | undefined;
  const limit = opts.limit ?? Infinity;
  do {
    const page = await searchPage(t, jql, { ...opts, nextPageToken: token });
    all.push(...page.issues);
    token = page.isLast === false && page.nextPageToken ? page.nextPageToken : undefined;
  } while (token && all.length < limit);
  return all.slice(0, limit);
}

/** A count without fetching issues. Approximate: it may lag recent writes. */
export async function approximateCount(t: JiraTransport, jql: string): Promise<number> {
  const res = await t.requestJira(route`/rest/api/3/search/approximate-count`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json({ jql }),
  });
  return (await readJson(res, z.object({ count: z.number().int().min(0) }), 'Count issues')).count;
}
