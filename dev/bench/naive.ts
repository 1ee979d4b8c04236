import {
  byCategory,
  byService,
  monthlyTrend,
  ratio,
  recurringIdeas,
  recurringThemes,
  repeatChains,
  type IncidentFacts,
} from '../../src/domain/report-math';
import { ACTION_PROPERTY, INDEX_PROPERTY } from '../../src/domain/jira-names';
import { jql } from '../../src/domain/jql';
import { searchAll } from '../../src/jira/search';
import type { JiraTransport } from '../../src/jira/transport';
import { ActionTicketPropertySchema, IndexRecordSchema } from '../../src/shared/postmortem';
import type { ReportFilters } from '../../src/shared/report';
import type { BenchFigures } from './figures';

const DAY = 86_400_000;

/**
 * The naive report, for comparison: page through every incident and every action ticket with all fields
 * at maxResults=100, then compute the same figures in memory.
 */
export async function naiveReport(
  jira: JiraTransport,
  projectKey: string,
  f: ReportFilters,
  now: number,
): Promise<BenchFigures> {
  const incidents = await searchAll(jira, jql.incidents(projectKey), {
    fields: ['*all'],
    properties: [INDEX_PROPERTY],
    maxResults: 100,
  });
  const tickets = await searchAll(jira, jql.actionTickets(projectKey), {
    fields: ['*all'],
    properties: [ACTION_PROPERTY],
    maxResults: 100,
  });
  const facts: IncidentFacts[] = incidents.flatMap((i) => {
    const index = IndexRecordSchema.safeParse(i.properties?.[INDEX_PROPERTY]);
    return index.success ? [{ key: i.key, created: Date.parse(i.fields?.created ?? ''), index: index.data }] : [];
  });
  const since = (days: number) => now - days * DAY;
  const published = (days: number) => facts.filter((i) => i.index.status === 'published' && i.created >= since(days));
  const repeats = (days: number) => published(days).filter((i) => i.index.repeatOf);
  const n = (count: number) => ({ count, jql: '' });
  const acts = tickets.flatMap((t) => {
    const p = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
    return p.success
      ? [
          {
            t,
            p: p.data,
            created: Date.parse(t.fields?.created ?? ''),
            done: t.fields?.status?.statusCategory.key === 'done',
          },
        ]
      : [];
  });
  const inWindow = acts.filter((a) => a.created >= since(f.windowDays));
  const today = new Date(now).toISOString().slice(0, 10);
  return {
    headline: {
      incidents: incidents.filter((i) => Date.parse(i.fields?.created ?? '') >= since(f.windowDays)).length,
      completion: ratio(n(inWindow.filter((a) => a.done).length), n(inWindow.length)).value,
      onTime: ratio(
        n(inWindow.filter((a) => a.done && a.p.resolvedOnTime === 1).length),
        n(inWindow.filter((a) => a.done).length),
      ).value,
      repeatRate: ratio(n(repeats(f.windowDays).length), n(published(f.windowDays).length)).value,
      repeatsWhileOpen: repeats(f.windowDays).filter((i) => i.index.repeatWhileOpen === 1).length,
      overdue: acts.filter((a) => !a.done && a.t.fields?.duedate && a.t.fields.duedate < today).length,
    },
    byPriority: (['P1', 'P2', 'P3'] as const).map(
      (p) =>
        ratio(
          n(inWindow.filter((a) => a.p.priority === p && a.done).length),
          n(inWindow.filter((a) => a.p.priority === p).length),
        ).value,
    ),
    rolling: ([30, 90, 180] as const).map((d) => ratio(n(repeats(d).length), n(published(d).length)).value),
    trend: monthlyTrend(
      facts.filter((i) => i.created >= since(Math.max(365, f.windowDays))),
      now,
    ),
    categories: byCategory(facts.filter((i) => i.created >= since(f.windowDays))),
    services: byService(facts.filter((i) => i.created >= since(f.windowDays))),
    chains: repeatChains(facts.filter((i) => i.created >= since(Math.max(365, f.windowDays)))),
    themes: recurringThemes(facts.filter((i) => i.created >= since(f.windowDays))),
    parkingIdeas: recurringIdeas(facts.filter((i) => i.created >= since(f.windowDays))),
  };
}
