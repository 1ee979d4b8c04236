import { JqlError } from './errors';

/*
 * JQL dates are read in the searching user's time zone: date literals ("2026-11-01 10:00") and date functions
 * (startOfDay(), startOfMonth(-1)) alike (support.atlassian.com/jira-software-cloud/docs/jql-functions/:
 * "startOfDay() ... Perform searches based on the start of the current day", relative to the user's time zone,
 * which the user's profile sets). Relative values ("-30d") are offsets from now and need no zone.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FIXED_MS: Record<string, number> = { m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock time in `tz` at instant `ms`, expressed as if it were UTC (so Date.UTC arithmetic works on it). */
export function wallTime(ms: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall + (ms - Math.floor(ms / 1000) * 1000);
}

/** The instant at which the wall clock in `tz` shows `wall` (a Date.UTC value of the wall-clock fields). */
export function instantOf(wall: number, tz: string): number {
  let t = wall - (wallTime(wall, tz) - wall);
  const again = wall - (wallTime(t, tz) - t);
  if (again !== t) t = again; // the guess crossed a daylight-saving change
  return t;
}

/** A period such as "-5d", "4w 2d", "+14d", "-1w 2d" (sign applies to the whole period). */
function parsePeriod(raw: string, units: string): { sign: number; parts: [number, string][] } | null {
  const m = new RegExp(`^([+-])?\\s*((?:\\d+\\s*[${units}]\\s*)+)$`).exec(raw.trim());
  if (!m) return null;
  const parts: [number, string][] = [];
  for (const p of (m[2] ?? '').matchAll(new RegExp(`(\\d+)\\s*([${units}])`, 'g')))
    parts.push([Number(p[1]), p[2] ?? 'd']);
  return { sign: m[1] === '-' ? -1 : 1, parts };
}

const INVALID_DATE = (raw: string, field: string) =>
  new JqlError(
    `Date value '${raw}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );

/** A JQL date operand: "2026-01-31", "2026/01/31 14:00" (in the user's zone), or a period "-30d", "4w 2d". */
export function parseDateValue(raw: string, now: number, tz: string, field = 'date'): number {
  const period = parsePeriod(raw, 'wdhm');
  if (period) return now + period.sign * period.parts.reduce((s, [n, u]) => s + n * (FIXED_MS[u] ?? DAY), 0);
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(raw.trim());
  if (abs) {
    const wall = Date.UTC(Number(abs[1]), Number(abs[2]) - 1, Number(abs[3]), Number(abs[4] ?? 0), Number(abs[5] ?? 0));
    return instantOf(wall, tz);
  }
  throw INVALID_DATE(raw, field);
}

/** Adds a period to a wall-clock time: months and years by calendar, the rest by length. */
function addPeriod(wall: number, sign: number, parts: [number, string][]): number {
  let d = new Date(wall);
  for (const [n, unit] of parts) {
    const k = sign * n;
    const timeOfDay = d.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    if (unit === 'y') d = new Date(Date.UTC(d.getUTCFullYear() + k, d.getUTCMonth(), d.getUTCDate()) + timeOfDay);
    else if (unit === 'M') d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, d.getUTCDate()) + timeOfDay);
    else d = new Date(d.getTime() + k * (FIXED_MS[unit] ?? DAY));
  }
  return d.getTime();
}

type Unit = 'd' | 'w' | 'M' | 'y';
const FUNCTION_UNIT: Record<string, Unit> = {
  startofday: 'd',
  endofday: 'd',
  startofweek: 'w',
  endofweek: 'w',
  startofmonth: 'M',
  endofmonth: 'M',
  startofyear: 'y',
  endofyear: 'y',
};

/**
 * JQL date functions in the user's zone. The increment is "(+/-)nn(y|M|w|d|h|m)"; without a unit it counts the
 * function's own unit: startOfMonth(-1) is last month's start, startOfMonth("+14d") the 15th of this month
 * (support.atlassian.com/jira-software-cloud/docs/jql-functions/#startOfMonth--).
 */
export function dateFunction(name: string, args: string[], now: number, tz: string): number {
  const lname = name.toLowerCase();
  if (lname === 'now') return now;
  const unit = FUNCTION_UNIT[lname];
  if (!unit) throw new JqlError(`The function '${name}' is not supported for date fields by this emulator.`);
  const w = new Date(wallTime(now, tz));
  const y = w.getUTCFullYear();
  const mo = w.getUTCMonth();
  const day = w.getUTCDate();
  const startOf: Record<Unit, number> = {
    d: Date.UTC(y, mo, day),
    w: Date.UTC(y, mo, day - w.getUTCDay()), // Sunday, as in Jira's default locale
    M: Date.UTC(y, mo, 1),
    y: Date.UTC(y, 0, 1),
  };
  let wall = startOf[unit];
  const arg = args[0]?.trim();
  // A bare number moves by the function's unit before taking the end: endOfMonth(-1) is the last day of last month.
  if (arg && /^[+-]?\d+$/.test(arg)) wall = addPeriod(wall, 1, [[Number(arg), unit]]);
  if (lname.startsWith('end')) wall = addPeriod(wall, 1, [[1, unit]]) - 1;
  if (arg && !/^[+-]?\d+$/.test(arg)) {
    const period = parsePeriod(arg, 'yMwdhm');
    if (!period)
      throw new JqlError(
        `The argument '${arg}' of the function '${name}' is not a valid increment such as -1, "+14d" or "-1w 2d".`,
      );
    wall = addPeriod(wall, period.sign, period.parts);
  }
  return instantOf(wall, tz);
}

export const DATE_FUNCTIONS = new Set(['now', ...Object.keys(FUNCTION_UNIT)]);
