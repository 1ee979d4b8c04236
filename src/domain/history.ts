import type { Timeline } from '../shared/postmortem';

export interface IssueHistory {
  created: string;
  statusChanges: { at: string; from: string; to: string }[];
}

const toUtc = (jiraTime: string) => new Date(Date.parse(jiraTime)).toISOString().slice(0, 16) + 'Z';

/**
 * Milestones Jira's own history can supply: the incident's creation (first alert), the first move to
 * "In Progress" (acknowledged) and the move to "Done" (all-clear). Only empty milestones are filled.
 */
export function prefillFromHistory(t: Timeline, h: IssueHistory): { timeline: Timeline; filled: string[] } {
  const next = { ...t };
  const filled: string[] = [];
  const set = (m: 'alertAt' | 'acknowledgedAt' | 'allClearAt', at: string | undefined) => {
    if (!next[m] && at) {
      next[m] = toUtc(at);
      filled.push(m);
    }
  };
  set('alertAt', h.created);
  set('acknowledgedAt', h.statusChanges.find((c) => /progress/i.test(c.to))?.at);
  set('allClearAt', [...h.statusChanges].reverse().find((c) => /done|resolved|closed/i.test(c.to))?.at);
  return { timeline: next, filled };
}
