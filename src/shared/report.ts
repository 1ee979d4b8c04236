import { z } from 'zod';
import type { ReviewData } from './contract';

/** The report page's contract: filters in, figures out, each with the JQL behind it. */
export const WINDOWS = [30, 90, 180, 365] as const;
export const ReportFiltersSchema = z
  .object({
    windowDays: z.union([z.literal(30), z.literal(90), z.literal(180), z.literal(365)]),
    service: z.string().min(1).max(80).nullable(),
    category: z.string().min(1).max(80).nullable(),
  })
  .strict();
export type ReportFilters = z.infer<typeof ReportFiltersSchema>;

export interface JqlCount {
  count: number;
  jql: string;
}
/** A share: null when there is nothing to divide by (shown as "no data", never as 0%). */
export interface Ratio {
  value: number | null;
  numerator: JqlCount;
  denominator: JqlCount;
}

/** The window's action tickets by state (they add up to all of them). */
export interface ActionStates {
  done: JqlCount;
  openNotDue: JqlCount;
  overdue: JqlCount;
  noDueDate: JqlCount;
  dropped: JqlCount;
}

export interface ReportHeadline {
  incidents: JqlCount;
  /** Incidents of the window without a published post-mortem yet: outside the repeat rate's denominator. */
  unpublished: JqlCount;
  completion: Ratio;
  onTime: Ratio;
  repeatRate: Ratio;
  repeatsWhileOpen: JqlCount;
  /** The window's open tickets past their due date (also in `actions`). */
  overdue: JqlCount;
  actions: ActionStates;
  /** Done tickets without a resolution date: not counted as on time. */
  unjudged: string[];
}

/** The window as the page states it: calendar days in the site's default zone. */
export interface WindowInfo {
  days: number;
  from: string;
  today: string;
  timeZone: string;
  /** Where the zone came from, e.g. "Jira's default time zone (serverInfo)". */
  zoneSource: string;
}

/** A post-mortem saved whose indexed copy (what the report reads) failed to update: the report lags for it. */
export interface IndexLag {
  key: string;
  version: number;
  since: string;
}

export interface MonthPoint {
  month: string;
  published: number;
  repeats: number;
  rate: number | null;
  ttaMedian: number | null;
  ttrMedian: number | null;
}
export interface Breakdown {
  name: string;
  incidents: number;
  repeats: number;
  sloBudgetPct: number;
  /** Revenue impact per currency (never added across currencies), largest first. */
  revenue: { currency: string; amount: number }[];
}

export interface ReportDetails {
  byPriority: { priority: 'P1' | 'P2' | 'P3'; completion: Ratio }[];
  rolling: { days: 30 | 90 | 180; rate: Ratio }[];
  trend: MonthPoint[];
  /** The search behind the trend and every pattern below it. */
  patternsJql: string;
  categories: Breakdown[];
  services: Breakdown[];
  chains: string[][];
  /** Chain starts whose incident no longer exists (deleted or moved): shown as such, not as a live incident. */
  deadKeys: string[];
  /** The patterns' window (first and last day, site zone) and scope; they follow the filters. */
  patternsFrom: string;
  patternsTo: string;
  trendFrom: string;
  /** Action items whose ticket is no longer in this project (moved or deleted). */
  missingTickets: { key: string; incident: string }[];
  /** The review lists at most this many items; `reviewTruncated` says when there were more. */
  reviewLimit: number;
  reviewTruncated: boolean;
  /** How many items the review has in all (Jira's approximate count of its JQL; at least the items listed). */
  reviewTotal: number;
  themes: { phrase: string; count: number }[];
  parkingIdeas: { idea: string; count: number }[];
  review: ReviewData;
  /**
   * The post-mortem history behind the trend and patterns, in calendar months (report-history.ts). Until every month
   * is ready (a first view of a large project), trend and patterns are left empty and the page says how far it got.
   */
  history: { ready: number; total: number; complete: boolean };
}

export interface ReportHeadlineAnswer {
  project: { key: string; name: string };
  filters: ReportFilters;
  headline: ReportHeadline;
  categories: string[];
  generatedAt: string;
  window: WindowInfo;
  /** One sentence per figure: exactly what it counts. */
  definitions: Record<string, string>;
  indexLag: IndexLag[];
}
export interface ReportDetailsAnswer {
  filters: ReportFilters;
  details: ReportDetails;
  services: string[];
  window: WindowInfo;
}
