/**
 * How the report splits a year of post-mortems so that closed months can be kept in app storage: an oldest
 * part (from the window's start to the first month boundary inside it) and the current month are always read
 * live; each whole month in between may come from storage. Boundaries are UTC instants; the searches ask for a
 * little more (see createdAround) and the issues are then cut by their own `created` instant, so every issue lands
 * in exactly one part whatever the caller's time zone.
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

/** Adds a restriction before any ORDER BY of the query. */
export function andBefore(query: string, clause: string): string {
  const m = /\s+ORDER\s+BY\s/i.exec(query);
  return m ? `${query.slice(0, m.index)} AND ${clause}${query.slice(m.index)}` : `${query} AND ${clause}`;
}

/** The UTC month of an instant, as the cache labels it. */
export const monthLabel = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/**
 * A JQL restriction that finds at least the issues created in [from, to), whatever the caller's time zone:
 * relative minutes (`created >= -525600m`) count from Jira's "now", not from a zone's midnight, and an hour's
 * margin on each side absorbs the clocks' difference. The caller then cuts the issues by their `created` instant.
 */
export function createdAround(now: number, from: number, to: number): string {
  const parts: string[] = [];
  if (Number.isFinite(from)) parts.push(`created >= -${Math.ceil((now - from) / 60_000) + 60}m`);
  const before = Math.floor((now - to) / 60_000) - 60;
  if (Number.isFinite(to) && before > 0) parts.push(`created < -${before}m`);
  return parts.join(' AND ');
}

/**
 * Splits [from, to) into consecutive ranges expected to hold about `perPart` issues each (at `perDay` issues a
 * day), at most `maxParts` of them: searched in parallel, each fits one page, so a view needs one round.
 */
export function splitRange(from: number, to: number, perDay: number, perPart = 150, maxParts = 10): [number, number][] {
  if (to <= from) return [];
  const days = (to - from) / DAY;
  const n = Math.max(1, Math.min(maxParts, Math.ceil((days * Math.max(perDay, 1)) / perPart)));
  const step = (to - from) / n;
  return Array.from({ length: n }, (_, i): [number, number] => [
    i === 0 ? from : Math.round(from + i * step),
    i === n - 1 ? to : Math.round(from + (i + 1) * step),
  ]);
}
