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

export interface ReportHeadline {
  incidents: JqlCount;
  completion: Ratio;
  onTime: Ratio;
  repeatRate: Ratio;
  repeatsWhileOpen: JqlCount;
  overdue: JqlCount;
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
  revenue: number;
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
  themes: { term: string; count: number }[];
  parkingIdeas: { idea: string; count: number }[];
  review: ReviewData;
}

export interface ReportHeadlineAnswer {
  project: { key: string; name: string };
  filters: ReportFilters;
  headline: ReportHeadline;
  categories: string[];
  generatedAt: string;
}
export interface ReportDetailsAnswer {
  filters: ReportFilters;
  details: ReportDetails;
  services: string[];
}
