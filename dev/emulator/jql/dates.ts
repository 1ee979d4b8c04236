import { JqlError } from './errors';

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: DAY, w: 7 * DAY };

/** A JQL date operand: "2026-01-31", "2026/01/31 14:00", or relative "-30d", "+2w", "-4h", "15m". */
export function parseDateValue(raw: string, now: number): number {
  const rel = /^([+-]?)(\d+)([mhdw])$/i.exec(raw.trim());
  if (rel) {
    const n = Number(rel[2]) * (UNIT_MS[(rel[3] ?? 'd').toLowerCase()] ?? DAY);
    return rel[1] === '-' ? now - n : now + n;
  }
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(raw.trim());
  if (abs) {
    return Date.UTC(Number(abs[1]), Number(abs[2]) - 1, Number(abs[3]), Number(abs[4] ?? 0), Number(abs[5] ?? 0));
  }
  throw new JqlError(
    `Date value '${raw}' for field is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

/** JQL date functions, in UTC (the emulator's site time zone). Offsets like startOfMonth(-1) are supported. */
export function dateFunction(name: string, args: string[], now: number): number {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const offset = args[0] ? parseOffset(args[0], name) : 0;
  switch (name.toLowerCase()) {
    case 'now':
      return now;
    case 'startofday':
      return Date.UTC(y, mo, day + offset);
    case 'endofday':
      return Date.UTC(y, mo, day + offset + 1) - 1;
    case 'startofweek':
      return Date.UTC(y, mo, day - d.getUTCDay() + 7 * offset);
    case 'endofweek':
      return Date.UTC(y, mo, day - d.getUTCDay() + 7 * (offset + 1)) - 1;
    case 'startofmonth':
      return Date.UTC(y, mo + offset, 1);
    case 'endofmonth':
      return Date.UTC(y, mo + offset + 1, 1) - 1;
    case 'startofyear':
      return Date.UTC(y + offset, 0, 1);
    case 'endofyear':
      return Date.UTC(y + offset + 1, 0, 1) - 1;
    default:
      throw new JqlError(`The function '${name}' is not supported for date fields by this emulator.`);
  }
}

function parseOffset(arg: string, fn: string): number {
  const m = /^([+-]?\d+)([dwMy])?$/.exec(arg.trim());
  if (!m) throw new JqlError(`The argument '${arg}' of '${fn}' is not a valid increment such as -1 or +2.`);
  return Number(m[1]);
}

export const DATE_FUNCTIONS = new Set([
  'now',
  'startofday',
  'endofday',
  'startofweek',
  'endofweek',
  'startofmonth',
  'endofmonth',
  'startofyear',
  'endofyear',
]);
