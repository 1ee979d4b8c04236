/**
 * "Did the action hold?" Two different lessons hide in a repeat incident: the earlier incident's actions were all
 * done when it recurred (the fix did not hold), or some were still open (the follow-up was late). And an incident
 * whose actions are all done, with no confirmed repeat for a no-recurrence period after the last one, has held.
 */
export interface HoldIncident {
  key: string;
  /** The earlier incident this one was confirmed to repeat (same root cause), if any. */
  repeatOf: string | null;
  /** Recorded when the repeat was confirmed: 1 if the earlier incident still had open actions then. */
  repeatWhileOpen: 0 | 1;
}
export interface HoldAction {
  incident: string;
  done: boolean;
  /** When it was resolved (ISO), for done actions. */
  resolved: string | null;
}
export interface HoldFigures {
  /** Repeats whose earlier incident had every action done: the fix did not hold. */
  fixedButRecurred: { incident: string; earlier: string }[];
  /** Repeats whose earlier incident still had open actions: the follow-up was late. */
  lateFollowUp: number;
  /** Incidents whose fix was put to the test: all actions done and the period over, or a repeat after all done. */
  tested: number;
  held: string[];
  /** held / tested, or null when nothing was tested yet. */
  heldRate: number | null;
}

const DAY = 86_400_000;

export function holdFigures(
  incidents: HoldIncident[],
  actions: HoldAction[],
  now: number,
  holdDays: number,
): HoldFigures {
  const byIncident = new Map<string, HoldAction[]>();
  for (const a of actions) byIncident.set(a.incident, [...(byIncident.get(a.incident) ?? []), a]);
  const repeated = new Map<string, HoldIncident[]>();
  for (const i of incidents) if (i.repeatOf) repeated.set(i.repeatOf, [...(repeated.get(i.repeatOf) ?? []), i]);

  const fixedButRecurred: HoldFigures['fixedButRecurred'] = [];
  let lateFollowUp = 0;
  for (const i of incidents) {
    if (!i.repeatOf) continue;
    if (i.repeatWhileOpen === 1) lateFollowUp++;
    // Without any action on the earlier incident there was no fix to hold: neither lesson applies.
    else if ((byIncident.get(i.repeatOf) ?? []).length > 0)
      fixedButRecurred.push({ incident: i.key, earlier: i.repeatOf });
  }

  const recurredAfterFix = new Set(fixedButRecurred.map((f) => f.earlier));
  const held: string[] = [];
  let tested = 0;
  for (const i of incidents) {
    const acts = byIncident.get(i.key) ?? [];
    if (acts.length === 0 || acts.some((a) => !a.done)) {
      if (recurredAfterFix.has(i.key)) tested++; // all done when it recurred, reopened since: still a failed test
      continue;
    }
    const lastDone = Math.max(...acts.map((a) => (a.resolved ? Date.parse(a.resolved) : NaN)));
    const periodOver = Number.isFinite(lastDone) && now - lastDone >= holdDays * DAY;
    const recurred = repeated.has(i.key);
    if (!periodOver && !recurredAfterFix.has(i.key)) continue;
    tested++;
    if (!recurred) held.push(i.key);
  }
  return { fixedButRecurred, lateFollowUp, tested, held, heldRate: tested ? held.length / tested : null };
}
