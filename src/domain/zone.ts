/**
 * Calendar maths in a named IANA time zone, with Intl only. Every day and month boundary of the report is cut
 * in the site's default zone (a team in Berlin closes a ticket "on the due date" until midnight in Berlin, not UTC).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `ms` in `zone`, as the UTC instant with the same digits. */
function wallClock(ms: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** "YYYY-MM-DD" of the instant in the zone. */
export const localDate = (ms: number, zone: string): string => new Date(wallClock(ms, zone)).toISOString().slice(0, 10);
/** "YYYY-MM" of the instant in the zone. */
export const localMonth = (ms: number, zone: string): string => localDate(ms, zone).slice(0, 7);
/** "YYYY-MM-DD HH:mm" of the instant in the zone: JQL's date-time literal, which Jira reads in the searcher's zone. */
export const localMinute = (ms: number, zone: string): string =>
  new Date(wallClock(ms, zone)).toISOString().slice(0, 16).replace('T', ' ');

/** The instant at which a wall-clock time (given as UTC digits) happens in the zone; DST gaps move forward. */
function instantOf(wall: number, zone: string): number {
  let guess = wall - (wallClock(wall, zone) - wall);
  // A second pass settles offsets that change between the guess and the answer (DST transitions).
  guess = wall - (wallClock(guess, zone) - guess);
  return guess;
}

/** The instant a calendar day ("YYYY-MM-DD") starts in the zone. */
export const startOfDay = (date: string, zone: string): number => instantOf(Date.parse(`${date}T00:00:00Z`), zone);

/** A calendar date `n` days after (or before) another; leap days included. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The `n` calendar months ending with the month of `now` in the zone, oldest first ("2026-11"). */
export function lastMonths(now: number, zone: string, n = 12): string[] {
  const [y, m] = localMonth(now, zone).split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1)).toISOString().slice(0, 7));
}

/** The instant a month ("YYYY-MM") starts in the zone. */
export const startOfMonth = (month: string, zone: string): number => startOfDay(`${month}-01`, zone);
