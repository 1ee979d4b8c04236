import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, expectOk, json, readJson } from './client';
import { BoardSchema } from './schemas';
import type { JiraTransport } from './transport';

/** Every board of a project, scrum and Kanban alike (the settings choose one when there are several). */
export async function getProjectBoards(t: JiraTransport, projectKey: string) {
  const res = await t.requestJira(route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}&maxResults=${'50'}`, {
    method: 'GET',
    headers: JSON_HEADERS,
  });
  const page = z.object({ values: z.array(BoardSchema) });
  return (await readJson(res, page, `List boards of ${projectKey}`)).values;
}

const ColumnSchema = z.object({
  name: z.string(),
  statuses: z.array(z.object({ id: z.string() })).default([]),
});
const BoardConfigSchema = z.object({
  id: z.number().int(),
  name: z.string().optional(),
  type: z.string().optional(),
  columnConfig: z.object({ columns: z.array(ColumnSchema) }),
});
export type BoardConfig = z.infer<typeof BoardConfigSchema>;

/** The board's columns, left to right, each with the status ids it shows. */
export async function getBoardConfiguration(t: JiraTransport, boardId: number) {
  const res = await t.requestJira(route`/rest/agile/1.0/board/${String(boardId)}/configuration`, {
    method: 'GET',
    headers: JSON_HEADERS,
  });
  return readJson(res, BoardConfigSchema, `Read the configuration of board ${boardId}`);
}

/** Ranks issues (at most 50) just before another issue: "top of the column" is before the column's first issue. */
export async function rankIssuesBefore(t: JiraTransport, issueKeys: string[], beforeKey: string) {
  const res = await t.requestJira(route`/rest/agile/1.0/issue/rank`, {
    method: 'PUT',
    headers: JSON_HEADERS,
    body: json({ issues: issueKeys, rankBeforeIssue: beforeKey }),
  });
  // 204 when every issue moved; 207 lists per-issue failures, which this caller treats as a failure.
  if (res.status === 207) {
    const body = await res.text();
    throw new Error(`Jira ranked only some of ${issueKeys.join(', ')}: ${body.slice(0, 300)}`);
  }
  await expectOk(res, `Rank ${issueKeys.join(', ')} before ${beforeKey}`);
}

/** Issues on a board, in rank order (Jira's default for this endpoint), narrowed by a JQL such as a status list. */
export async function getBoardIssues(t: JiraTransport, boardId: number, jql: string, maxResults: number) {
  const res = await t.requestJira(
    route`/rest/agile/1.0/board/${String(boardId)}/issue?jql=${jql}&maxResults=${String(maxResults)}`,
    { method: 'GET', headers: JSON_HEADERS },
  );
  const page = z.object({ issues: z.array(z.object({ id: z.string(), key: z.string() })) });
  return (await readJson(res, page, `List issues of board ${boardId}`)).issues;
}
