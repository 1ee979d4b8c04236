import type { ReportDetailsAnswer, ReportHeadlineAnswer } from '../../src/shared/report';
import { raw, type TestJira } from './jira';

/** Every figure's stated JQL with the count the page shows beside it. */
export function statedCounts(
  h: ReportHeadlineAnswer,
  d?: ReportDetailsAnswer,
): { what: string; jql: string; count: number }[] {
  const x = h.headline;
  const out = [
    { what: 'incidents', ...x.incidents },
    { what: 'unpublished', ...x.unpublished },
    { what: 'completion done', ...x.completion.numerator },
    { what: 'completion all', ...x.completion.denominator },
    { what: 'on time', ...x.onTime.numerator },
    { what: 'on time base', ...x.onTime.denominator },
    { what: 'repeats', ...x.repeatRate.numerator },
    { what: 'published', ...x.repeatRate.denominator },
    { what: 'repeats while open', ...x.repeatsWhileOpen },
    { what: 'overdue', ...x.overdue },
    ...Object.entries(x.actions).map(([k, v]) => ({ what: `state ${k}`, ...v })),
  ];
  if (d) {
    const r = d.details.review;
    out.push(
      ...d.details.byPriority.flatMap((p) => [
        { what: `${p.priority} done`, ...p.completion.numerator },
        { what: `${p.priority} all`, ...p.completion.denominator },
      ]),
      ...d.details.rolling.flatMap((p) => [
        { what: `rolling ${p.days} repeats`, ...p.rate.numerator },
        { what: `rolling ${p.days} published`, ...p.rate.denominator },
      ]),
    );
    if (!d.details.reviewTruncated)
      out.push({
        what: 'review',
        jql: r.jql,
        count: r.doneSinceLastReview.length + r.inProgress.length + r.notStarted.length,
      });
  }
  return out;
}

/** Counts each stated JQL through the emulator (as the same user) and lists the figures that disagree. */
export async function recountMismatches(
  jira: TestJira,
  as: string,
  h: ReportHeadlineAnswer,
  d?: ReportDetailsAnswer,
): Promise<string[]> {
  const bad: string[] = [];
  for (const s of statedCounts(h, d)) {
    const res = await raw(jira.emulator, 'POST', '/rest/api/3/search/approximate-count', { as, body: { jql: s.jql } });
    const count = (res.json as { count?: number } | null)?.count;
    if (res.status !== 200 || count !== s.count)
      bad.push(`${s.what}: page ${s.count}, JQL ${res.status === 200 ? count : JSON.stringify(res.json)} (${s.jql})`);
  }
  return bad;
}
