import type { JiraStore } from '../../dev/emulator/state/store';
import type { IssueRec } from '../../dev/emulator/state/model';
import { holdFigures } from '../../src/domain/hold';
import { raw, type TestJira } from './jira';

/**
 * "Did the action hold?" straight from the emulator's records and the definition in src/domain/hold.ts, with none
 * of the app's reading: published post-mortems of the project (newest first, Jira's order without ORDER BY) and
 * every ticket whose action property names an incident.
 */
export function holdOracle(store: JiraStore, projectKey: string, now: number, holdDays = 30) {
  const project = [...store.projects.values()].find((p) => p.key === projectKey);
  const incidentType = [...store.issueTypes.values()].find((t) => t.name === 'Incident');
  const mine = [...store.issues.values()].filter((i) => i.projectId === project?.id);
  const index = (i: IssueRec) => i.properties.postmortemIndex as Record<string, unknown> | undefined;
  const incidents = mine
    .filter((i) => i.issueTypeId === incidentType?.id && index(i)?.status === 'published')
    .sort((a, b) => b.id - a.id)
    .map((i) => {
      const repeatOf = index(i)?.repeatOf;
      return {
        key: i.key,
        repeatOf: typeof repeatOf === 'string' ? repeatOf : null,
        repeatWhileOpen: index(i)?.repeatWhileOpen === 1 ? (1 as const) : (0 as const),
      };
    });
  const actions = mine.flatMap((t) => {
    const incident = (t.properties.postmortemAction as { incident?: unknown } | undefined)?.incident;
    if (typeof incident !== 'string') return [];
    const done = store.statuses.get(t.statusId)?.category === 'done';
    return [{ incident, done, resolved: done ? t.resolutiondate : null }];
  });
  const f = holdFigures(incidents, actions, now, holdDays);
  return {
    cases: f.fixedButRecurred,
    late: f.lateFollowUp,
    held: { count: f.held.length, tested: f.tested, rate: f.heldRate },
  };
}

/** The card's figures in the oracle's shape. */
export const cardFigures = (r: {
  fixedButRecurred: { cases: { incident: string; earlier: string }[] };
  lateFollowUp: { count: number };
  held: { count: number; tested: number; rate: number | null };
}) => ({ cases: r.fixedButRecurred.cases, late: r.lateFollowUp.count, held: r.held });

/** Moves a ticket through the workflow over REST, as a person would (Jira moves its `updated`). */
export async function transitionTo(jira: TestJira, key: string, to: 'done' | 'open') {
  const list = await raw(jira.emulator, 'GET', `/rest/api/3/issue/${key}/transitions`, { as: 'acc-alice' });
  const ts = (list.json as { transitions: { id: string; to: { statusCategory: { key: string } } }[] }).transitions;
  const t = ts.find((x) => (x.to.statusCategory.key === 'done') === (to === 'done'));
  if (!t) throw new Error(`no transition of ${key} to ${to}`);
  const r = await raw(jira.emulator, 'POST', `/rest/api/3/issue/${key}/transitions`, {
    as: 'acc-alice',
    body: { transition: { id: t.id } },
  });
  if (r.status !== 204) throw new Error(`transition of ${key}: ${r.status} ${JSON.stringify(r.json)}`);
}
