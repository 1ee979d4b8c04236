import { route } from '@forge/api';
import { z } from 'zod';
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

const IssueLinksSchema = z.array(
  z.object({
    type: z.object({ name: z.string() }),
    inwardIssue: z.object({ id: z.string() }).optional(),
    outwardIssue: z.object({ id: z.string() }).optional(),
  }),
);

/**
 * Ids of the issues an issue's `issuelinks` field names on the outward side of `typeName` links ("<issue>
 * <outward description> <other>"). Read from GET issue, which is consistent, these ids are what a search passes
 * as `reconcileIssues` so that just-created issues are not missing from its results.
 */
export function outwardLinkedIds(fields: Record<string, unknown> | undefined, typeName: string): number[] {
  const links = IssueLinksSchema.safeParse(fields?.issuelinks);
  if (!links.success) return [];
  return links.data.flatMap((l) => (l.type.name === typeName && l.outwardIssue ? [Number(l.outwardIssue.id)] : []));
}

/** A create request's `update` that links the new issue as the outward side: "<inwardKey> <outward words> NEW". */
export const linkOnCreate = (typeName: string, inwardKey: string) => ({
  issuelinks: [{ add: { type: { name: typeName }, inwardIssue: { key: inwardKey } } }],
});
