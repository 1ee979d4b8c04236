import { MILESTONES, MILESTONE_LABELS, type Milestone, type Timeline } from '../shared/postmortem';

export interface TimelineFigures {
  timeToAcknowledgeMinutes: number | null;
  timeToIdentifyMinutes: number | null;
  timeToFixMinutes: number | null;
  timeToRecoverMinutes: number | null;
  totalDurationMinutes: number | null;
}

const minutesBetween = (from: string | null, to: string | null): number | null => {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 60_000) : null;
};

/** The figures the article's timeline implies, each measured from the first alert. */
export function timelineFigures(t: Timeline): TimelineFigures {
  return {
    timeToAcknowledgeMinutes: minutesBetween(t.alertAt, t.acknowledgedAt),
    timeToIdentifyMinutes: minutesBetween(t.alertAt, t.rootCauseAt),
    timeToFixMinutes: minutesBetween(t.alertAt, t.fixDeployedAt),
    timeToRecoverMinutes: minutesBetween(t.alertAt, t.recoveredAt),
    totalDurationMinutes: minutesBetween(t.alertAt, t.allClearAt ?? t.recoveredAt),
  };
}

export interface OrderProblem {
  milestone: Milestone;
  before: Milestone;
  message: string;
}

/** Milestones recorded out of the article's order (e.g. "fix deployed" before "root cause identified"). */
export function milestonesOutOfOrder(t: Timeline): OrderProblem[] {
  const problems: OrderProblem[] = [];
  let last: { m: Milestone; at: number } | null = null;
  for (const m of MILESTONES) {
    const v = t[m];
    if (!v) continue;
    const at = Date.parse(v);
    if (last && at < last.at) {
      problems.push({
        milestone: m,
        before: last.m,
        message: `${MILESTONE_LABELS[m]} is earlier than ${MILESTONE_LABELS[last.m].toLowerCase()}`,
      });
    } else {
      last = { m, at };
    }
  }
  return problems;
}
