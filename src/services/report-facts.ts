import { ACTION_PROPERTY, INDEX_PROPERTY } from '../domain/jira-names';
import type { TicketFacts } from '../domain/report-definitions';
import type { IncidentFacts } from '../domain/report-math';
import { searchAll } from '../jira/search';
import type { Issue } from '../jira/schemas';
import type { JiraTransport } from '../jira/transport';
import type { ReviewOutcome } from '../shared/contract';
import { ActionTicketPropertySchema, IndexRecordSchema } from '../shared/postmortem';
import type { IndexLag } from '../shared/report';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { z } from 'zod';

/** What the report reads of each action ticket. */
export const TICKET_FACT_FIELDS = ['created', 'status', 'resolution', 'resolutiondate', 'duedate'];

/** An action ticket as the figures need it, or null when it carries no readable postmortemAction property. */
export function ticketFacts(issue: Issue, outcomes: Map<string, ReviewOutcome>): TicketFacts | null {
  const prop = ActionTicketPropertySchema.safeParse(issue.properties?.[ACTION_PROPERTY]);
  const f = issue.fields ?? {};
  const created = Date.parse(f.created ?? '');
  if (!prop.success || !Number.isFinite(created)) return null;
  const resolved = f.resolutiondate ? Date.parse(f.resolutiondate) : NaN;
  return {
    key: issue.key,
    incident: prop.data.incident,
    priority: prop.data.priority,
    created,
    done: f.status?.statusCategory.key === 'done',
    resolution: f.resolution?.name ?? null,
    resolved: Number.isFinite(resolved) ? resolved : null,
    due: f.duedate ?? null,
    flag: prop.data.resolvedOnTime === 0 || prop.data.resolvedOnTime === 1 ? prop.data.resolvedOnTime : null,
    outcomeDropped: outcomes.get(issue.key)?.outcome === 'dropped',
  };
}

export async function searchTicketFacts(
  jira: JiraTransport,
  jql: string,
  outcomes: Map<string, ReviewOutcome>,
): Promise<TicketFacts[]> {
  const issues = await searchAll(jira, jql, {
    fields: TICKET_FACT_FIELDS,
    properties: [ACTION_PROPERTY],
    maxResults: 1000,
  });
  return issues.flatMap((i) => ticketFacts(i, outcomes) ?? []);
}

export function incidentFacts(issues: Issue[]): IncidentFacts[] {
  return issues.flatMap((i) => {
    const index = IndexRecordSchema.safeParse(i.properties?.[INDEX_PROPERTY]);
    const created = Date.parse(i.fields?.created ?? '');
    return index.success && Number.isFinite(created) ? [{ key: i.key, created, index: index.data }] : [];
  });
}

const IndexLagSchema = z.object({ version: z.number().int(), since: z.string() });

/** Post-mortems whose indexed copy failed to update on their last save (postmortem-save records them). */
export async function readIndexLag(kvs: KeyValueStore, projectKey: string): Promise<IndexLag[]> {
  const prefix = kvsKeys.indexLagPrefix(projectKey);
  return (await kvs.listByPrefix(prefix))
    .flatMap(({ key, value }) => {
      const v = IndexLagSchema.safeParse(value);
      return v.success ? [{ key: key.slice(prefix.length), ...v.data }] : [];
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
