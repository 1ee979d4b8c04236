import { z } from 'zod';
import { holdFigures, type HoldFigures } from '../domain/hold';
import { ACTION_PROPERTY, INDEX_PROPERTY } from '../domain/jira-names';
import { jql } from '../domain/jql';
import type { Issue } from '../jira/schemas';
import { searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { ActionTicketPropertySchema } from '../shared/postmortem';

/**
 * What "did the action hold?" needs of Jira, one small record per issue: the same records come from a live read
 * and from the follow-up ledger in app storage (follow-up-ledger.ts), so both give exactly the same figures.
 */
export interface TicketRec {
  id: number;
  /** The incident the ticket's action property names; null when the property is unreadable (not counted). */
  incident: string | null;
  done: boolean;
  /** Resolution instant (ms) of a done ticket; null when open, or done without a readable resolution date. */
  resolved: number | null;
}
export interface IncidentRec {
  id: number;
  key: string;
  repeatOf: string | null;
  repeatWhileOpen: 0 | 1;
}

export const TICKET_SEARCH = { fields: ['status', 'resolutiondate', 'created'], properties: [ACTION_PROPERTY] };
export const INCIDENT_SEARCH = { fields: ['created'], properties: [INDEX_PROPERTY] };

const StatusSchema = z.object({ status: z.string() });
// As the card has always read it: an index whose repeat values do not parse counts as no repeat.
const IndexSchema = z.object({ repeatOf: z.string().optional(), repeatWhileOpen: z.number().optional() });

export function ticketRecord(t: Issue): TicketRec {
  const prop = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
  const done = t.fields?.status?.statusCategory.key === 'done';
  const resolved = done ? Date.parse(t.fields?.resolutiondate ?? '') : NaN;
  return {
    id: Number(t.id),
    incident: prop.success ? prop.data.incident : null,
    done,
    resolved: Number.isFinite(resolved) ? resolved : null,
  };
}

/** The incident's record when its post-mortem is published, else null (it is not among the hold's incidents). */
export function incidentRecord(i: Issue): IncidentRec | null {
  const value = i.properties?.[INDEX_PROPERTY];
  if (StatusSchema.safeParse(value).data?.status !== 'published') return null;
  const idx = IndexSchema.safeParse(value);
  return {
    id: Number(i.id),
    key: i.key,
    repeatOf: idx.data?.repeatOf ?? null,
    repeatWhileOpen: idx.data?.repeatWhileOpen === 1 ? 1 : 0,
  };
}

/** Every published post-mortem and every action ticket of the project, as the reader sees them (two listings). */
export async function readLive(
  jira: JiraTransport,
  projectKey: string,
): Promise<{ incidents: IncidentRec[]; tickets: TicketRec[] }> {
  const [incidents, tickets] = await Promise.all([
    searchAll(jira, jql.publishedPostmortems(projectKey), { ...INCIDENT_SEARCH, maxResults: 5000 }),
    searchAll(jira, jql.actionTickets(projectKey), { ...TICKET_SEARCH, maxResults: 5000 }),
  ]);
  return { incidents: incidents.flatMap((i) => incidentRecord(i) ?? []), tickets: tickets.map(ticketRecord) };
}

/**
 * The hold figures of these records (src/domain/hold.ts). Incidents go in newest first (by id), Jira's own order
 * for a search without ORDER BY, so the cases are listed the same way whichever source the records came from.
 */
export function figuresOf(
  incidents: Iterable<IncidentRec>,
  tickets: Iterable<TicketRec>,
  now: number,
  holdDays: number,
): HoldFigures {
  const actions = [...tickets].flatMap((t) =>
    t.incident === null
      ? []
      : [
          {
            incident: t.incident,
            done: t.done,
            resolved: t.resolved === null ? null : new Date(t.resolved).toISOString(),
          },
        ],
  );
  const sorted = [...incidents].sort((a, b) => b.id - a.id);
  return holdFigures(sorted, actions, now, holdDays);
}
