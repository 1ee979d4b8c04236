import { z } from 'zod';
import {
  ACTION_LINK_TYPE,
  ACTION_PROPERTY,
  INCIDENT_TYPE,
  INDEX_PROPERTY,
  POSTMORTEM_PROPERTY,
} from '../domain/jira-names';
import { jql } from '../domain/jql';
import { findAssignableUsers } from '../jira/config';
import { JiraError } from '../jira/errors';
import { getIssue } from '../jira/issues';
import { outwardLinkedIds } from '../jira/links';
import { searchAll, searchPage } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { PanelData, TicketView } from '../shared/contract';
import { StoredPostMortemSchema, type StoredPostMortem } from '../shared/postmortem';
import type { KeyValueStore } from '../storage/kvs';
import { noAccess, requireIncidentProject } from './project-access';
import { REVIEW_PAGE_SIZE, reviewCounts, reviewPage } from './review-list';
import { cachedSiteConfig, projectSettings } from './settings';
import { TICKET_FIELDS, toTicketView } from './tickets';

function readStored(raw: unknown): { postmortem: StoredPostMortem | null; problem: string | null } {
  if (raw === undefined || raw === null) return { postmortem: null, problem: null };
  const parsed = StoredPostMortemSchema.safeParse(raw);
  return parsed.success
    ? { postmortem: parsed.data, problem: null }
    : {
        postmortem: null,
        problem: `The stored post-mortem does not match the expected format (${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}). It was left untouched.`,
      };
}

/**
 * Everything the panel opens with, in one round of Jira calls (all at once): the incident (fields, post-mortem
 * property, history), this incident's action tickets, the first page of earlier open action items and their two
 * counts, and the people who can own actions. About 20 rate-limit points however large the project: the rest of
 * the review is paged on request (review/page) and similar incidents are ranked on request (panel/similar).
 * The project comes from Forge's context; if the issue turns out to live elsewhere (moved), the project's calls
 * are made again for the right one.
 */
export async function loadPanel(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  projectHint: string | undefined,
  now: number,
): Promise<PanelData> {
  const assumed = projectHint ?? issueKey.split('-')[0] ?? '';
  const [issue, project] = await Promise.all([
    getIssue(jira, issueKey, {
      fields: ['summary', 'status', 'issuetype', 'created', 'project', 'issuelinks'],
      properties: [POSTMORTEM_PROPERTY, INDEX_PROPERTY],
      expand: ['changelog'],
    }).catch((e: unknown) => {
      throw e instanceof JiraError && e.isNotFound ? noAccess(issueKey, e) : e;
    }),
    // Started before the issue answers; a failure here (e.g. not an incident project) is judged after it.
    projectPart(jira, kvs, assumed, issueKey, now).then(
      (v) => ({ ok: true as const, v }),
      (e: unknown) => ({ ok: false as const, e }),
    ),
  ]);
  const f = issue.fields ?? {};
  const projectKey = f.project?.key ?? assumed;
  const { postmortem, problem } = readStored(issue.properties?.[POSTMORTEM_PROPERTY]);
  const history = {
    created: f.created ?? '',
    statusChanges: (issue.changelog?.histories ?? []).flatMap((h) =>
      h.items
        .filter((i) => i.field === 'status')
        .map((i) => ({ at: h.created, from: i.fromString ?? '', to: i.toString ?? '' })),
    ),
  };
  const base: PanelData = {
    issue: {
      key: issue.key,
      id: issue.id,
      summary: f.summary ?? '',
      issueType: f.issuetype?.name ?? '',
      status: f.status?.name ?? '',
      statusCategory: f.status?.statusCategory.key ?? '',
      created: f.created ?? '',
      projectKey,
    },
    isIncident: f.issuetype?.name === INCIDENT_TYPE.name,
    postmortem,
    postmortemProblem: problem,
    tickets: [],
    indexStale:
      postmortem !== null &&
      z.object({ version: z.number() }).safeParse(issue.properties?.[INDEX_PROPERTY]).data?.version !==
        postmortem.version,
    review: {
      counts: { open: 0, overdue: 0 },
      lastReviewAt: new Date(now).toISOString(),
      pageSize: REVIEW_PAGE_SIZE,
      first: { items: [], nextPageToken: null },
      slipped: [],
    },
    history,
    users: [],
    categories: [],
  };
  // Outside an Incident, say whether the project can have incidents at all (a scheme or team-managed project may lack
  // the type).
  if (!base.isIncident) return requireIncidentProject(jira, projectKey).then(() => base);
  const part =
    projectKey === assumed && project.ok ? project.v : await projectPart(jira, kvs, projectKey, issue.key, now);
  // Tickets created a moment ago may not be indexed yet: the incident's links (read consistently) name them, and
  // only then is the incident's own search repeated with them reconciled (a second round, right after creation).
  const linked = outwardLinkedIds(f, ACTION_LINK_TYPE.name);
  const found = new Set(part.ownIds);
  if (linked.some((id) => !found.has(id)))
    part.tickets = (await ownTickets(jira, kvs, projectKey, issue.key, now, linked)).tickets;
  return { ...base, tickets: part.tickets, review: part.review, users: part.users, categories: part.categories };
}

async function ownTickets(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  issueKey: string,
  now: number,
  reconcile: number[] = [],
): Promise<{ tickets: TicketView[]; ids: number[] }> {
  const config = await cachedSiteConfig(kvs);
  const sprintField = config?.sprintFieldId ?? null;
  const today = new Date(now).toISOString().slice(0, 10);
  const issues = await searchAll(jira, jql.actionTicketsOf(projectKey, issueKey), {
    fields: [...TICKET_FIELDS, ...(sprintField ? [sprintField] : [])],
    properties: [ACTION_PROPERTY],
    maxResults: 10,
    limit: 50,
    ...(reconcile.length ? { reconcileIssues: reconcile } : {}),
  });
  return {
    tickets: issues
      .map((i) => toTicketView(i, today, sprintField))
      .filter((t): t is TicketView => t !== null)
      .sort((a, b) => a.slot - b.slot),
    ids: issues.map((i) => Number(i.id)),
  };
}

/** Everything of the project the panel opens with; started before the issue answers (the project is known). */
async function projectPart(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  issueKey: string,
  now: number,
): Promise<Pick<PanelData, 'tickets' | 'review' | 'users' | 'categories'> & { ownIds: number[] }> {
  const [own, first, counts, users, settings, slipped] = await Promise.all([
    ownTickets(jira, kvs, projectKey, issueKey, now),
    reviewPage(jira, kvs, projectKey, issueKey, null, now),
    reviewCounts(jira, projectKey, issueKey, now),
    findAssignableUsers(jira, projectKey, ''),
    projectSettings(kvs, projectKey),
    searchPage(jira, jql.earlierSlippedActions(projectKey, issueKey), { fields: ['summary'], maxResults: 10 }),
  ]);
  return {
    tickets: own.tickets,
    ownIds: own.ids,
    review: {
      counts,
      lastReviewAt: new Date(now).toISOString(),
      pageSize: REVIEW_PAGE_SIZE,
      first,
      slipped: slipped.issues.map((i) => i.key),
    },
    users: users.map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId })),
    categories: settings.categories,
  };
}
