import { POSTMORTEM_PROPERTY } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { explainSimilar, type IncidentText } from '../domain/similarity';
import { getIssue } from '../jira/issues';
import { searchPage } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { SimilarCandidate } from '../shared/contract';
import { StoredPostMortemSchema } from '../shared/postmortem';

/** How many earlier post-mortems are compared: the most recent ones (a repeat usually follows within months). */
const CORPUS = 300;

/**
 * "Same root cause as an earlier incident?", asked on request with the draft's own words: the earlier post-mortems
 * of the incident's project (the project and the creation date come from Jira, not from the payload), ranked and
 * explained in plain words (strong or possible, and the words they share).
 */
export async function findSimilar(
  jira: JiraTransport,
  issueKey: string,
  draft: { rootCause: string; factors: string[]; service: string; category: string },
): Promise<SimilarCandidate[]> {
  if (!draft.rootCause.trim()) return [];
  const issue = await getIssue(jira, issueKey, { fields: ['created', 'project'] });
  const created = issue.fields?.created ?? new Date().toISOString();
  const projectKey = issue.fields?.project?.key ?? issueKey.split('-')[0] ?? '';
  const earlier = await searchPage(jira, jql.earlierPostmortems(projectKey, created), {
    fields: ['summary', 'created'],
    properties: [POSTMORTEM_PROPERTY],
    maxResults: CORPUS,
  });
  const docs = new Map(
    earlier.issues.flatMap((i) => {
      const s = StoredPostMortemSchema.safeParse(i.properties?.[POSTMORTEM_PROPERTY]);
      return s.success
        ? [[i.key, { summary: i.fields?.summary ?? '', created: i.fields?.created ?? '', pm: s.data }]]
        : [];
    }),
  );
  const corpus: IncidentText[] = [...docs.entries()].map(([key, d]) => ({
    key,
    created: d.created,
    service: d.pm.doc.service,
    category: d.pm.doc.category,
    rootCause: d.pm.doc.rootCause,
    contributingFactors: Object.values(d.pm.doc.contributingFactors),
  }));
  const target: IncidentText = { key: issueKey, created, contributingFactors: draft.factors, ...draft };
  // A few strong matches and a few possible ones: when one root cause recurred many times, the list still shows
  // what else looks alike instead of five copies of the same story.
  const ranked = explainSimilar(target, corpus, 20);
  const shown = [
    ...ranked.filter((c) => c.strength === 'strong').slice(0, 3),
    ...ranked.filter((c) => c.strength === 'possible').slice(0, 2),
  ];
  return shown.map((c) => {
    const d = docs.get(c.key);
    return {
      ...c,
      summary: d?.summary ?? '',
      service: d?.pm.service ?? '',
      category: d?.pm.category ?? '',
      rootCause: d?.pm.doc.rootCause ?? '',
      created: d?.created ?? '',
    };
  });
}
