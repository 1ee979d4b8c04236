import { ACTION_PROPERTY, INDEX_PROPERTY } from '../../src/domain/jira-names';
import { jql } from '../../src/domain/jql';
import {
  byCategory,
  byService,
  monthlyTrend,
  recurringIdeas,
  recurringThemes,
  repeatChains,
  type IncidentFacts,
} from '../../src/domain/report-math';
import { searchAll } from '../../src/jira/search';
import type { JiraTransport } from '../../src/jira/transport';
import { ActionTicketPropertySchema, IndexRecordSchema } from '../../src/shared/postmortem';
import type { ReportFilters } from '../../src/shared/report';
import type { BenchFigures } from './figures';

const DAY = 86_400_000;
const share = (num: number, den: number) => (den > 0 ? num / den : null);

/** The baseline's three listings (the bench runs each once beforehand so the emulator has them indexed). */
export const baselineQueries = (projectKey: string, f: ReportFilters) => ({
  incidents: `${jql.incidents(projectKey)} AND created >= -${Math.max(365, f.windowDays)}d`,
  windowTickets: `${jql.actionTickets(projectKey)} AND created >= -${f.windowDays}d`,
  openTickets: `${jql.actionTickets(projectKey)} AND statusCategory != Done`,
});

/**
 * The report as a competent developer would write it without the app's tricks: three listings in parallel
 * (the incidents of the trend's span, the window's action tickets, the open action tickets), pages of 5,000,
 * only the fields and properties the figures need, every figure computed in memory. Independent of
 * src/services/report.ts on purpose: the bench checks that both give the same figures.
 */
export async function baselineReport(
  jira: JiraTransport,
  projectKey: string,
  f: ReportFilters,
  now: number,
): Promise<BenchFigures> {
  const q = baselineQueries(projectKey, f);
  const [incidents, windowTickets, openTickets] = await Promise.all([
    searchAll(jira, q.incidents, { fields: ['created'], properties: [INDEX_PROPERTY], maxResults: 5000 }),
    searchAll(jira, q.windowTickets, { fields: ['status'], properties: [ACTION_PROPERTY], maxResults: 5000 }),
    searchAll(jira, q.openTickets, { fields: ['duedate'], properties: [ACTION_PROPERTY], maxResults: 5000 }),
  ]);
  const matches = (p: { service?: string; category?: string }) =>
    (!f.service || p.service === f.service) && (!f.category || p.category === f.category);

  const all = incidents.flatMap((i) => {
    const index = IndexRecordSchema.safeParse(i.properties?.[INDEX_PROPERTY]);
    const created = Date.parse(i.fields?.created ?? '');
    if (!Number.isFinite(created)) return [];
    return [{ key: i.key, created, index: index.success ? index.data : null }];
  });
  const filtered = all.filter((i) => (f.service || f.category ? i.index !== null && matches(i.index) : true));
  const facts: IncidentFacts[] = filtered.flatMap((i) =>
    i.index ? [{ key: i.key, created: i.created, index: i.index }] : [],
  );
  const since = (days: number) => now - days * DAY;
  const published = (days: number) => facts.filter((i) => i.index.status === 'published' && i.created >= since(days));
  const repeats = (days: number) => published(days).filter((i) => i.index.repeatOf);

  const tickets = (list: typeof windowTickets) =>
    list.flatMap((t) => {
      const p = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
      return p.success && matches(p.data)
        ? [{ p: p.data, done: t.fields?.status?.statusCategory.key === 'done', due: t.fields?.duedate ?? null }]
        : [];
    });
  const inWindow = tickets(windowTickets);
  const done = inWindow.filter((a) => a.done);
  const today = new Date(now).toISOString().slice(0, 10);
  const inWindowFacts = facts.filter((i) => i.created >= since(f.windowDays));
  return {
    headline: {
      incidents: filtered.filter((i) => i.created >= since(f.windowDays)).length,
      completion: share(done.length, inWindow.length),
      onTime: share(done.filter((a) => a.p.resolvedOnTime === 1).length, done.length),
      repeatRate: share(repeats(f.windowDays).length, published(f.windowDays).length),
      repeatsWhileOpen: repeats(f.windowDays).filter((i) => i.index.repeatWhileOpen === 1).length,
      overdue: tickets(openTickets).filter((a) => a.due !== null && a.due < today).length,
    },
    byPriority: (['P1', 'P2', 'P3'] as const).map((p) =>
      share(done.filter((a) => a.p.priority === p).length, inWindow.filter((a) => a.p.priority === p).length),
    ),
    rolling: ([30, 90, 180] as const).map((d) => share(repeats(d).length, published(d).length)),
    trend: monthlyTrend(facts, now),
    categories: byCategory(inWindowFacts),
    services: byService(inWindowFacts),
    chains: repeatChains(facts),
    themes: recurringThemes(inWindowFacts),
    parkingIdeas: recurringIdeas(inWindowFacts),
  };
}
