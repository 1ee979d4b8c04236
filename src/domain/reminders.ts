import type { REMINDER_CADENCES } from '../shared/settings';

const DAY = 86_400_000;
type Cadence = (typeof REMINDER_CADENCES)[number];

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
const asDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Which overdue period a ticket is in today, or null when no reminder is due. A ticket due on D is overdue from
 * D+1; reminders fall in seven-day periods from then ("once": only while none was posted for this due date). The period
 * names the
 * due date, so a ticket whose due date moves starts a new series instead of being silenced by the old one.
 */
export function overduePeriod(dueDate: string, today: string, cadence: Cadence): string | null {
  if (cadence === 'off') return null;
  const late = dayNumber(today) - (dayNumber(dueDate) + 1);
  if (late < 0) return null;
  // "once" uses the same periods; the ticket records that it was reminded for this due date (remindedDue).
  return `${dueDate}-w${Math.floor(late / 7) + 1}`;
}

/**
 * The first day the ticket can next need a reminder (written on the ticket, so the daily search skips it until
 * then): the start of the next weekly period, for "once" too, so a postponed due date is noticed within a week.
 */
export function nextReminderOn(dueDate: string, today: string): string {
  const start = dayNumber(dueDate) + 1;
  const late = Math.max(0, dayNumber(today) - start);
  return asDate(start + (Math.floor(late / 7) + 1) * 7);
}

/** The words in a reminder comment that identify its period: how a retry recognises a comment it already posted. */
export const reminderMarker = (ticketKey: string, period: string) => `[post-mortem reminder ${ticketKey} ${period}]`;
