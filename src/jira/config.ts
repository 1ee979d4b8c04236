import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, expectOk, json, readJson } from './client';
import {
  FieldSchema,
  IssueLinkTypeSchema,
  IssueTypeSchema,
  PrioritySchema,
  ProjectSchema,
  UserSchema,
} from './schemas';
import type { JiraTransport } from './transport';

export async function getMyself(t: JiraTransport) {
  return readJson(
    await t.requestJira(route`/rest/api/3/myself`, { method: 'GET', headers: JSON_HEADERS }),
    UserSchema,
    'Read the current user',
  );
}

export async function getProject(t: JiraTransport, projectIdOrKey: string) {
  return readJson(
    await t.requestJira(route`/rest/api/3/project/${projectIdOrKey}`, { method: 'GET', headers: JSON_HEADERS }),
    ProjectSchema,
    `Read project ${projectIdOrKey}`,
  );
}

export async function getFields(t: JiraTransport) {
  return readJson(
    await t.requestJira(route`/rest/api/3/field`, { method: 'GET', headers: JSON_HEADERS }),
    z.array(FieldSchema),
    'List fields',
  );
}

/** The Sprint custom field's id; never assume customfield_10020. */
export async function findSprintFieldId(t: JiraTransport): Promise<string | null> {
  const fields = await getFields(t);
  return fields.find((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint')?.id ?? null;
}

export async function getIssueTypes(t: JiraTransport) {
  return readJson(
    await t.requestJira(route`/rest/api/3/issuetype`, { method: 'GET', headers: JSON_HEADERS }),
    z.array(IssueTypeSchema),
    'List issue types',
  );
}

export async function createIssueType(t: JiraTransport, input: { name: string; description: string }) {
  const res = await t.requestJira(route`/rest/api/3/issuetype`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json({ ...input, hierarchyLevel: 0 }),
  });
  return readJson(res, IssueTypeSchema, `Create issue type ${input.name}`);
}

export async function getPriorities(t: JiraTransport) {
  const Page = z.object({ values: z.array(PrioritySchema), isLast: z.boolean().optional() });
  return readJson(
    await t.requestJira(route`/rest/api/3/priority/search?maxResults=${'100'}`, {
      method: 'GET',
      headers: JSON_HEADERS,
    }),
    Page,
    'List priorities',
  );
}

export async function getIssueLinkTypes(t: JiraTransport) {
  const res = await t.requestJira(route`/rest/api/3/issueLinkType`, { method: 'GET', headers: JSON_HEADERS });
  return readJson(res, z.object({ issueLinkTypes: z.array(IssueLinkTypeSchema) }), 'List issue link types');
}

export async function createIssueLinkType(t: JiraTransport, input: { name: string; inward: string; outward: string }) {
  const res = await t.requestJira(route`/rest/api/3/issueLinkType`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json(input),
  });
  return readJson(res, IssueLinkTypeSchema, `Create issue link type ${input.name}`);
}

export async function findAssignableUsers(t: JiraTransport, projectKey: string, query: string) {
  const res = await t.requestJira(
    route`/rest/api/3/user/assignable/search?project=${projectKey}&query=${query}&maxResults=${'20'}`,
    { method: 'GET', headers: JSON_HEADERS },
  );
  return readJson(res, z.array(UserSchema), 'Search assignable users');
}

/** Whether the current user has a project permission (e.g. ADMINISTER_PROJECTS) in a project. */
export async function hasProjectPermission(t: JiraTransport, projectKey: string, permission: string): Promise<boolean> {
  const res = await t.requestJira(route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=${permission}`, {
    method: 'GET',
    headers: JSON_HEADERS,
  });
  const body = await readJson(
    res,
    z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean().optional() })) }),
    `Check ${permission} in ${projectKey}`,
  );
  return body.permissions[permission]?.havePermission === true;
}

export { expectOk };

/** GET /rest/api/3/serverInfo: anonymous, no scope beyond read:jira-work; `serverTimeZone` is the site's default. */
export async function getServerInfo(t: JiraTransport) {
  return readJson(
    await t.requestJira(route`/rest/api/3/serverInfo`, { method: 'GET', headers: JSON_HEADERS }),
    z.object({ serverTimeZone: z.string().optional(), serverTime: z.string().optional() }),
    'Read the site information',
  );
}

/** GET /rest/api/3/resolution/search (the unpaged GET /resolution is deprecated): every resolution's name. */
export async function getResolutionNames(t: JiraTransport): Promise<string[]> {
  const Page = z.object({ values: z.array(z.object({ name: z.string() })), isLast: z.boolean().optional() });
  const names: string[] = [];
  for (let startAt = 0; startAt < 1000; startAt += 100) {
    const page = await readJson(
      await t.requestJira(route`/rest/api/3/resolution/search?startAt=${String(startAt)}&maxResults=${'100'}`, {
        method: 'GET',
        headers: JSON_HEADERS,
      }),
      Page,
      'List resolutions',
    );
    names.push(...page.values.map((v) => v.name));
    if (page.isLast !== false || page.values.length === 0) break;
  }
  return names;
}
