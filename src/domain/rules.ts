import { MAX_ACTION_ITEMS, type PostMortem } from '../shared/postmortem';

/** Rule 1, in the article's words: the reason shown whenever a fourth action item is refused. */
export const RULE_1_REASON =
  "At most three action items per post-mortem. If you can't narrow it to three, you haven't identified the real problems yet. Park the other ideas: they stay on the post-mortem and count in the report when they come back.";

export function canAddActionItem(doc: PostMortem): { ok: true } | { ok: false; reason: string } {
  return doc.actionItems.length < MAX_ACTION_ITEMS ? { ok: true } : { ok: false, reason: RULE_1_REASON };
}

/**
 * The article's title form, "Incident: [SERVICE] [SYMPTOM] on [DATE]", filled in: the brackets are the template's
 * placeholders, not part of the title ("Incident: search timeouts under peak load on 2026-11-15").
 * Missing parts show as the template's words so an unfinished title reads as such.
 */
export function composeTitle(t: PostMortem['title']): string {
  const [service, symptom, date] = titleParts(t);
  return `Incident: ${service} ${symptom} on ${date}`;
}

/** The title's three parts as written into it, a placeholder for each part missing. */
export function titleParts(t: PostMortem['title']): [string, string, string] {
  return [t.service.trim() || 'SERVICE', t.symptom.trim() || 'SYMPTOM', t.date ?? 'DATE'];
}

/** Root cause: two to three sentences; more is a warning, not an error. */
export function rootCauseWarning(rootCause: string): string | null {
  const sentences = rootCause
    .split(/[.!?]+(?:\s|$)/)
    .map((s) => s.trim())
    .filter(Boolean).length;
  return sentences > 3
    ? `The root cause has ${sentences} sentences; the template asks for two or three, technical but readable.`
    : null;
}

/** What a status change requires: publishing needs a root cause and owned, dated action items. */
export function publishProblems(doc: PostMortem): string[] {
  const problems: string[] = [];
  if (!doc.rootCause.trim()) problems.push('Write the root cause before publishing.');
  if (!doc.service.trim()) problems.push('Name the affected service before publishing.');
  if (!doc.category.trim()) problems.push('Choose a root-cause category before publishing.');
  doc.actionItems.forEach((a, i) => {
    if (!a.ownerAccountId) problems.push(`Action item ${i + 1} needs an owner.`);
    if (!a.dueDate) problems.push(`Action item ${i + 1} needs a due date.`);
  });
  return problems;
}
