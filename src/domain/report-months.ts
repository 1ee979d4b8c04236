/**
 * How the report splits a year of post-mortems so that closed months can be kept in app storage: an oldest
 * part (from the window's start to the first month boundary inside it) and the current month are always read
 * live; each whole month in between may come from storage. Boundaries are UTC instants; the searches are widened
 * by a day on each side (JQL reads date literals in the caller's time zone, which may be up to 14 h away) and the
 * issues are then cut by their own `created` instant, so every issue lands in exactly one part whatever the zone.
 */
const DAY = 86_400_000;
/** A month is only kept when it starts this long after the window's start, so the window never cuts into it. */
const MARGIN = 2 * DAY;

export interface MonthPart {
  /** "2026-10" (UTC). */
  label: string;
  start: number;
  end: number;
}

export interface MonthPlan {
  /** Issues created before this instant come from the live oldest part. */
  firstBoundary: number;
  /** Closed months between the oldest part and the current month, oldest first. */
  months: MonthPart[];
  /** Issues created from this instant on come from the live current part. */
  currentStart: number;
}

const monthStart = (ms: number, add = 0) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1);
};

export function planMonths(now: number, spanDays: number): MonthPlan {
  const currentStart = monthStart(now);
  const earliest = now - spanDays * DAY + MARGIN;
  let firstBoundary = monthStart(earliest);
  if (firstBoundary < earliest) firstBoundary = monthStart(earliest, 1);
  if (firstBoundary > currentStart) firstBoundary = currentStart;
  const months: MonthPart[] = [];
  for (let s = firstBoundary; s < currentStart; s = monthStart(s, 1))
    months.push({ label: new Date(s).toISOString().slice(0, 7), start: s, end: monthStart(s, 1) });
  return { firstBoundary, months, currentStart };
}

/** A JQL date (midnight in the caller's zone) at least a day before `ms`, in any zone. */
export const jqlDayBefore = (ms: number) => new Date(ms - DAY).toISOString().slice(0, 10);
/** A JQL date (midnight in the caller's zone) at least a day after `ms`, in any zone. */
export const jqlDayAfter = (ms: number) => new Date(ms + 2 * DAY).toISOString().slice(0, 10);

/** Adds a restriction before any ORDER BY of the query. */
export function andBefore(query: string, clause: string): string {
  const m = /\s+ORDER\s+BY\s/i.exec(query);
  return m ? `${query.slice(0, m.index)} AND ${clause}${query.slice(m.index)}` : `${query} AND ${clause}`;
}

/** The UTC month of an instant, as the cache labels it. */
export const monthLabel = (ms: number) => new Date(ms).toISOString().slice(0, 7);
