import type { Sprint } from '../jira/schemas';

const DAY = 86_400_000;

/** The next sprint is the board's first future sprint (Jira lists them in backlog order). */
export function nextSprint(futureSprints: Sprint[]): Sprint | null {
  return futureSprints.find((s) => s.state === 'future') ?? null;
}

/** The last day of a sprint, as a due date; when the sprint has no dates yet, two weeks after `fallbackStart`. */
export function sprintEndDate(sprint: Sprint | null, fallbackStart: number, lengthDays = 14): string {
  const end = sprint?.endDate ? Date.parse(sprint.endDate) : fallbackStart + lengthDays * DAY;
  return new Date(end - 1).toISOString().slice(0, 10);
}

/**
 * A proposal for the next sprint that follows the board's rhythm: the same length as the latest dated sprint,
 * starting when the last one ends, named by incrementing its trailing number.
 */
export function proposeNextSprint(
  sprints: Sprint[],
  boardId: number,
  now: number,
): { name: string; originBoardId: number; startDate: string; endDate: string } {
  const dated = sprints
    .filter((s) => s.startDate && s.endDate)
    .sort((a, b) => Date.parse(b.endDate ?? '') - Date.parse(a.endDate ?? ''));
  const latest = dated[0];
  const lengthMs = latest
    ? Math.max(DAY, Date.parse(latest.endDate ?? '') - Date.parse(latest.startDate ?? ''))
    : 14 * DAY;
  const start = Math.max(latest ? Date.parse(latest.endDate ?? '') : now, now);
  const last = sprints[sprints.length - 1];
  const m = last ? /^(.*?)(\d+)\s*$/.exec(last.name) : null;
  const name = m ? `${m[1]}${Number(m[2]) + 1}` : `Sprint ${sprints.length + 1}`;
  return {
    name,
    originBoardId: boardId,
    startDate: new Date(start).toISOString(),
    endDate: new Date(start + lengthMs).toISOString(),
  };
}
