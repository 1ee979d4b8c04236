import { z } from 'zod';

/**
 * The post-mortem, as the team writes it: the article's template, section by section.
 * Shared by the back end (which stores it on the incident as an issue entity property)
 * and the panel (which edits it), so both validate the same shape.
 */
export const MAX_ACTION_ITEMS = 3;
export const PRIORITIES = ['P1', 'P2', 'P3'] as const;
export const POSTMORTEM_STATES = ['draft', 'in-review', 'published'] as const;
export const ACTION_STATES = ['open', 'in-progress', 'done'] as const;

/** A real calendar day: the regexes alone let 2026-13-01 and 2026-11-31 through. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?Z$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Strict: the day exists, hours 00-23, minutes and seconds 00-59 (25:61 is refused, not rolled over). */
export function isStrictInstant(v: string): boolean {
  const m = INSTANT.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
  return isCalendarDate(y ?? 0, mo ?? 0, d ?? 0) && (h ?? 99) <= 23 && (mi ?? 99) <= 59 && (se ?? 99) <= 59;
}
export function isStrictDate(v: string): boolean {
  const m = DATE.exec(v);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
const isoInstant = z.string().refine(isStrictInstant, 'must be a real UTC time such as 2026-03-01T14:05Z');
const isoDate = z.string().refine(isStrictDate, 'must be a real date such as 2026-03-01');
/** Text that can be encoded (UTF-8, URLs, JSON for Jira): no lone surrogate halves. */
export const isWellFormed = (v: string): boolean =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v);
export const WELL_FORMED = 'must be valid text (it contains half of a character)';
const text = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).refine(isWellFormed, WELL_FORMED);

export const MILESTONES = [
  'alertAt',
  'acknowledgedAt',
  'rootCauseAt',
  'fixDeployedAt',
  'recoveredAt',
  'allClearAt',
] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MILESTONE_LABELS: Record<Milestone, string> = {
  alertAt: 'First alert fired',
  acknowledgedAt: 'On-call acknowledged',
  rootCauseAt: 'Root cause identified',
  fixDeployedAt: 'Fix deployed',
  recoveredAt: 'Service recovered',
  allClearAt: 'All-clear declared',
};

export const TimelineSchema = z.object({
  alertAt: isoInstant.nullable(),
  acknowledgedAt: isoInstant.nullable(),
  rootCauseAt: isoInstant.nullable(),
  fixDeployedAt: isoInstant.nullable(),
  recoveredAt: isoInstant.nullable(),
  allClearAt: isoInstant.nullable(),
  extra: z.array(z.object({ at: isoInstant, text: text(500) })).max(50),
});

export const ImpactSchema = z.object({
  /** Minutes; null means "derive from the timeline". */
  durationMinutesOverride: z.number().int().min(0).max(525_600).nullable(),
  usersAffected: z.number().int().min(0).max(10_000_000_000).nullable(),
  revenue: z
    .object({
      amount: z.number().min(0).max(1e12),
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code'),
    })
    .nullable(),
  sloBudgetPct: z.number().min(0).max(1000).nullable(),
});

/** Item ids key the ticket reservations in KVS: letters, digits, '-' and '_' only. */
const itemId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _');

export const ActionItemSchema = z.object({
  id: itemId,
  action: text(255).min(1, 'an action needs a description'),
  ownerAccountId: z.string().min(1).max(128).nullable(),
  priority: z.enum(PRIORITIES),
  dueDate: isoDate.nullable(),
  /** Set once the Jira ticket exists (Rule 2). Status then comes live from the ticket. */
  ticketKey: z.string().max(32).nullable(),
});

const uniqueIds = (xs: { id: string }[]) => new Set(xs.map((x) => x.id)).size === xs.length;

export const PostMortemSchema = z.object({
  schemaVersion: z.literal(1),
  status: z.enum(POSTMORTEM_STATES),
  title: z.object({ service: text(80), symptom: text(120), date: isoDate.nullable() }),
  service: text(80),
  category: text(80),
  impact: ImpactSchema,
  timeline: TimelineSchema,
  rootCause: text(2000),
  contributingFactors: z.object({ possible: text(1000), detection: text(1000), resolution: text(1000) }),
  wentWell: z.array(text(500)).max(20),
  wentWrong: z.array(text(500)).max(20),
  lessons: text(4000),
  actionItems: z
    .array(ActionItemSchema)
    .max(MAX_ACTION_ITEMS, `at most ${MAX_ACTION_ITEMS} action items (Rule 1)`)
    .refine(uniqueIds, 'each action item needs its own id (tickets are matched to items by id)'),
  parkingLot: z
    .array(z.object({ id: z.string().min(1).max(40), idea: text(255) }))
    .max(30)
    .refine(uniqueIds, 'each parking-lot idea needs its own id'),
  /** Confirmed "same root cause as" an earlier incident (its key), or null. */
  repeatOf: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'must be an issue key such as OPS-42')
    .max(32)
    .nullable(),
  /** Suggested earlier incidents the team said were not the same root cause. */
  rejectedRepeats: z.array(z.string().max(32)).max(50).default([]),
  publishedAt: isoInstant.nullable(),
});
export type PostMortem = z.infer<typeof PostMortemSchema>;
export type ActionItem = z.infer<typeof ActionItemSchema>;
export type Timeline = z.infer<typeof TimelineSchema>;

/**
 * What is stored in the `postmortem` issue property: the indexed values at the top level
 * (their paths are declared in manifest.yml so JQL can query them), the document beneath.
 */
export const StoredPostMortemSchema = z.object({
  version: z.number().int().min(1),
  updatedAt: isoInstant,
  updatedBy: z.string(),
  status: z.enum(POSTMORTEM_STATES),
  service: z.string(),
  category: z.string(),
  repeatOf: z.string().optional(),
  repeatWhileOpen: z.number().int().min(0).max(1),
  publishedAt: z.string().optional(),
  alertAt: z.string().optional(),
  ttaMinutes: z.number().optional(),
  ttrMinutes: z.number().optional(),
  durationMinutes: z.number().optional(),
  usersAffected: z.number().optional(),
  revenueImpact: z.number().optional(),
  sloBudgetPct: z.number().optional(),
  actionCount: z.number().int(),
  parkingLotCount: z.number().int(),
  doc: PostMortemSchema,
});
export type StoredPostMortem = z.infer<typeof StoredPostMortemSchema>;

/**
 * The `postmortemIndex` property: the indexed values without the document, plus what the report reads
 * across many incidents (factor keywords, parking-lot ideas). Small, so a search can return thousands.
 */
export const IndexRecordSchema = StoredPostMortemSchema.omit({ doc: true }).extend({
  factorTerms: z.array(z.string()).max(12),
  parkingIdeas: z.array(z.string()).max(30),
});
export type IndexRecord = z.infer<typeof IndexRecordSchema>;

/** The `postmortemAction` property on each action ticket: which incident it came from. */
export const ActionTicketPropertySchema = z.object({
  incident: z.string(),
  slot: z
    .number()
    .int()
    .min(0)
    .max(MAX_ACTION_ITEMS - 1),
  itemId: z.string(),
  priority: z.enum(PRIORITIES),
  /** The incident's service and category, copied so the report can filter action tickets by them. */
  service: z.string().optional(),
  category: z.string().optional(),
  /** 1 when resolved on or before the due date, 0 when late; set by the on-time job once resolved. */
  resolvedOnTime: z.number().int().min(0).max(1).optional(),
  /** Reminders: the first day the ticket may need its next reminder (the daily search skips it until then). */
  nextReminderOn: z.string().optional(),
  /** The due date the last reminder was about: with cadence "once", no further reminder for that due date. */
  remindedDue: z.string().optional(),
  /** 1 when the ticket fell out of a closed sprint unfinished and was flagged (or moved on) by the slipped job. */
  slipped: z.number().int().min(0).max(1).optional(),
});
export type ActionTicketProperty = z.infer<typeof ActionTicketPropertySchema>;

export function emptyPostMortem(): PostMortem {
  return {
    schemaVersion: 1,
    status: 'draft',
    title: { service: '', symptom: '', date: null },
    service: '',
    category: '',
    impact: { durationMinutesOverride: null, usersAffected: null, revenue: null, sloBudgetPct: null },
    timeline: {
      alertAt: null,
      acknowledgedAt: null,
      rootCauseAt: null,
      fixDeployedAt: null,
      recoveredAt: null,
      allClearAt: null,
      extra: [],
    },
    rootCause: '',
    contributingFactors: { possible: '', detection: '', resolution: '' },
    wentWell: [],
    wentWrong: [],
    lessons: '',
    actionItems: [],
    parkingLot: [],
    repeatOf: null,
    rejectedRepeats: [],
    publishedAt: null,
  };
}
