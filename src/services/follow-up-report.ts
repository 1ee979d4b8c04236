import { z } from 'zod';
import { holdFigures } from '../domain/hold';
import { ACTION_PROPERTY, INDEX_PROPERTY } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { approximateCount, searchAll } from '../jira/search';
import { explainRefusals } from './project-access';
import type { JiraTransport } from '../jira/transport';
import type { FollowUpReport } from '../shared/follow-up';
import { ActionTicketPropertySchema } from '../shared/postmortem';
import type { KeyValueStore } from '../storage/kvs';
import { projectSettings } from './settings';

const IndexSchema = z.object({ repeatOf: z.string().optional(), repeatWhileOpen: z.number().optional() });

/**
 * "Did the action hold?" and slipped tickets for the project page: reads every published post-mortem's small index
 * and every action ticket's status (two paged searches), then computes the figures in src/domain/hold.ts.
 */
export async function followUpReport(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  now: number,
): Promise<FollowUpReport> {
  const settings = await projectSettings(kvs, projectKey);
  // A refused search (no access, no Incident type) is explained the way the rest of the page explains it.
  const [incidents, actions, slipped] = await explainRefusals(
    jira,
    projectKey,
    Promise.all([
      searchAll(jira, jql.publishedPostmortems(projectKey), { properties: [INDEX_PROPERTY], maxResults: 5000 }),
      searchAll(jira, jql.actionTickets(projectKey), {
        fields: ['status', 'resolutiondate'],
        properties: [ACTION_PROPERTY],
        maxResults: 5000,
      }),
      approximateCount(jira, jql.slippedActionTickets(projectKey)),
    ]),
  );
  const f = holdFigures(
    incidents.map((i) => {
      const idx = IndexSchema.safeParse(i.properties?.[INDEX_PROPERTY]);
      return {
        key: i.key,
        repeatOf: idx.data?.repeatOf ?? null,
        repeatWhileOpen: idx.data?.repeatWhileOpen === 1 ? 1 : 0,
      };
    }),
    actions.flatMap((t) => {
      const prop = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
      if (!prop.success) return [];
      const done = t.fields?.status?.statusCategory.key === 'done';
      return [{ incident: prop.data.incident, done, resolved: done ? (t.fields?.resolutiondate ?? null) : null }];
    }),
    now,
    settings.holdDays,
  );
  return {
    holdDays: settings.holdDays,
    fixedButRecurred: {
      count: f.fixedButRecurred.length,
      cases: f.fixedButRecurred,
      jql: jql.repeatsAfterFix(projectKey),
    },
    lateFollowUp: { count: f.lateFollowUp, jql: jql.repeatsWhileOpen(projectKey) },
    held: { count: f.held.length, tested: f.tested, rate: f.heldRate },
    slipped: { count: slipped, jql: jql.slippedActionTickets(projectKey) },
  };
}
