import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, expectOk, json, readJson } from './client';
import { BoardSchema, SprintSchema } from './schemas';
import type { JiraTransport } from './transport';

const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    values: z.array(item),
    isLast: z.boolean().optional(),
    startAt: z.number().optional(),
    maxResults: z.number().optional(),
  });

export async function getScrumBoards(t: JiraTransport, projectKey: string) {
  const res = await t.requestJira(route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}&type=${'scrum'}`, {
    method: 'GET',
    headers: JSON_HEADERS,
  });
  return (await readJson(res, paged(BoardSchema), `List scrum boards of ${projectKey}`)).values;
}

/** Sprints of a board in a state, in the board's order: the first future sprint is the next one. */
export async function getSprints(
  t: JiraTransport,
  boardId: number,
  state: 'future' | 'active' | 'closed' | 'future,active',
) {
  const res = await t.requestJira(
    route`/rest/agile/1.0/board/${String(boardId)}/sprint?state=${state}&maxResults=${'50'}`,
    { method: 'GET', headers: JSON_HEADERS },
  );
  return (await readJson(res, paged(SprintSchema), `List ${state} sprints of board ${boardId}`)).values;
}

export async function createSprint(
  t: JiraTransport,
  input: { name: string; originBoardId: number; startDate?: string; endDate?: string },
) {
  const res = await t.requestJira(route`/rest/agile/1.0/sprint`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json(input),
  });
  return readJson(res, SprintSchema, `Create sprint ${input.name}`);
}

/** Moves up to 50 issues into a sprint (Jira's cap per call). */
export async function moveIssuesToSprint(t: JiraTransport, sprintId: number, issueKeys: string[]) {
  if (issueKeys.length > 50) throw new Error('At most 50 issues can be moved to a sprint at once');
  const res = await t.requestJira(route`/rest/agile/1.0/sprint/${String(sprintId)}/issue`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json({ issues: issueKeys }),
  });
  await expectOk(res, `Move ${issueKeys.join(', ')} to sprint ${sprintId}`);
}
