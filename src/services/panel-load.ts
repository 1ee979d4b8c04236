import { z } from 'zod';
import {
  ACTION_LINK_TYPE,
  ACTION_PROPERTY,
  INCIDENT_TYPE,
  INDEX_PROPERTY,
  POSTMORTEM_PROPERTY,
} from '../domain/jira-names';
import { jql } from '../domain/jql';
import { groupForReview } from '../domain/review';
import { rankSimilar, type IncidentText } from '../domain/similarity';
import { findAssignableUsers } from '../jira/config';
import { JiraError } from '../jira/errors';
import { getIssue } from '../jira/issues';
import { outwardLinkedIds } from '../jira/links';
import type { Issue } from '../jira/schemas';
import { searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { PanelData, SimilarCandidate, TicketView } from '../shared/contract';
import { StoredPostMortemSchema, type StoredPostMortem } from '../shared/postmortem';
import type { KeyValueStore } from '../storage/kvs';
import { noAccess, requireIncidentProject } from './project-access';
import { readLastReview, readOutcomes } from './review';
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
 * Everything the panel shows, in at most four Jira calls: the incident (fields, post-mortem property,
 * history), the action tickets (this incident's and the open ones of earlier incidents, in one search),
 * earlier post-mortems for "same root cause?", and the people who can own actions.
 */
export async function loadPanel(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  now: number,
): Promise<PanelData> {
  const issue = await getIssue(jira, issueKey, {
    fields: ['summary', 'status', 'issuetype', 'created', 'project', 'issuelinks'],
    properties: [POSTMORTEM_PROPERTY, INDEX_PROPERTY],
    expand: ['changelog'],
  }).catch((e: unknown) => {
    throw e instanceof JiraError && e.isNotFound ? noAccess(issueKey, e) : e;
  });
  const f = issue.fields ?? {};
  const projectKey = f.project?.key ?? issue.key.split('-')[0] ?? '';
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
      doneSinceLastReview: [],
      inProgress: [],
      notStarted: [],
      lastReviewAt: new Date(now).toISOString(),
      jql: '',
    },
    similar: [],
    history,
    users: [],
    categories: [],
  };
  // Outside an Incident, say whether the project can have incidents at all (a scheme or team-managed project may lack the type).
  if (!base.isIncident) return requireIncidentProject(jira, projectKey).then(() => base);

  const [settings, config, outcomes, lastReviewAt] = await Promise.all([
    projectSettings(kvs, projectKey),
    cachedSiteConfig(kvs),
    readOutcomes(kvs, projectKey),
    readLastReview(kvs, projectKey, now),
  ]);
  const reviewJql = jql.reviewTickets(projectKey, lastReviewAt, issue.key);
  const sprintField = config?.sprintFieldId ?? null;
  const today = new Date(now).toISOString().slice(0, 10);

  // Every page: Jira returns fewer issues per page than asked when fields or properties are many.
  const [ticketIssues, earlierIssues, users] = await Promise.all([
    searchAll(jira, reviewJql, {
      fields: [...TICKET_FIELDS, ...(sprintField ? [sprintField] : [])],
      properties: [ACTION_PROPERTY],
      maxResults: 500,
      // Tickets created a moment ago may not be indexed yet: the incident's links (read consistently) name them.
      reconcileIssues: outwardLinkedIds(f, ACTION_LINK_TYPE.name),
    }),
    searchAll(jira, jql.earlierPostmortems(projectKey, f.created ?? new Date(now).toISOString()), {
      fields: ['summary', 'created'],
      properties: [POSTMORTEM_PROPERTY],
      maxResults: 300,
      limit: 300,
    }),
    findAssignableUsers(jira, projectKey, ''),
  ]);
  const tickets = ticketIssues
    .map((i) => toTicketView(i, today, sprintField))
    .filter((t): t is TicketView => t !== null);
  return {
    ...base,
    tickets: tickets.filter((t) => t.incident === issue.key).sort((a, b) => a.slot - b.slot),
    review: groupForReview(tickets, outcomes, issue.key, lastReviewAt, jql.openActionTickets(projectKey)),
    similar: similarTo(issue.key, f.created ?? '', postmortem, earlierIssues),
    users: users.map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId })),
    categories: settings.categories,
  };
}

function similarTo(key: string, created: string, pm: StoredPostMortem | null, earlier: Issue[]): SimilarCandidate[] {
  if (!pm || !pm.doc.rootCause.trim()) return [];
  const docs = new Map<string, { issue: Issue; stored: StoredPostMortem }>();
  for (const i of earlier) {
    const s = StoredPostMortemSchema.safeParse(i.properties?.[POSTMORTEM_PROPERTY]);
    if (s.success) docs.set(i.key, { issue: i, stored: s.data });
  }
  const asText = (k: string, c: string, d: StoredPostMortem['doc']): IncidentText => ({
    key: k,
    created: c,
    service: d.service,
    category: d.category,
    rootCause: d.rootCause,
    contributingFactors: Object.values(d.contributingFactors),
  });
  const corpus = [...docs.values()].map(({ issue, stored }) =>
    asText(issue.key, issue.fields?.created ?? '', stored.doc),
  );
  const rejected = new Set(pm.doc.rejectedRepeats);
  return rankSimilar(asText(key, created, pm.doc), corpus, 10)
    .filter((c) => !rejected.has(c.key))
    .slice(0, 5)
    .map((c) => {
      const d = docs.get(c.key);
      return {
        key: c.key,
        score: c.score,
        summary: d?.issue.fields?.summary ?? '',
        service: d?.stored.service ?? '',
        category: d?.stored.category ?? '',
        rootCause: d?.stored.doc.rootCause ?? '',
        created: d?.issue.fields?.created ?? '',
      };
    });
}
