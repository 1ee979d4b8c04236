import { z } from 'zod';
import { isWellFormed, PostMortemSchema, WELL_FORMED, type StoredPostMortem } from './postmortem';
import type { FollowUpReport, PanelFollowUp } from './follow-up';
import { SettingsSavePayloadSchema, type BoardChoice, type ProjectSettings } from './settings';
import { ReportFiltersSchema, type ReportDetailsAnswer, type ReportHeadlineAnswer } from './report';

/**
 * The contract between the Custom UI pages and the resolvers: each resolver's name, the payload
 * it accepts (validated on arrival) and the data it answers with. Both sides import this module.
 */
export const ISSUE_KEY = z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'must be an issue key such as OPS-42');
export const PROJECT_KEY = z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'must be a project key such as OPS');

export interface UserRef {
  accountId: string;
  displayName: string;
}

/** An action ticket as Jira holds it now (status is live, never copied into the post-mortem). */
export interface TicketView {
  key: string;
  summary: string;
  status: string;
  statusCategory: string;
  assignee: UserRef | null;
  dueDate: string | null;
  resolved: string | null;
  priority: string | null;
  incident: string;
  slot: number;
  overdue: boolean;
  inSprint: boolean;
  /** Fell out of a closed sprint unfinished at least once (moved on or flagged by the slipped job). */
  slipped?: boolean;
}

export const REVIEW_OUTCOMES = ['done', 'still-open', 'reassigned', 'dropped'] as const;
export interface ReviewOutcome {
  /** Each recording is a new version; a recording based on an older one is refused, never overwritten. */
  version: number;
  outcome: (typeof REVIEW_OUTCOMES)[number];
  note: string;
  reassignedTo: UserRef | null;
  recordedBy: string;
  recordedAt: string;
}
export interface ReviewItem extends TicketView {
  outcome: ReviewOutcome | null;
}
/** Rule 3: what the review starts with, grouped as the article's agenda shows it. */
export interface ReviewData {
  doneSinceLastReview: ReviewItem[];
  inProgress: ReviewItem[];
  notStarted: ReviewItem[];
  /** Open items that slipped out of a closed sprint: also in their status group, grouped here for the review. */
  slipped?: ReviewItem[];
  lastReviewAt: string;
  jql: string;
}

/** Where "done since the last review" starts, and whether this person may mark a review done (moving it). */
export interface ReviewStatus {
  lastReviewAt: string;
  /** Who marked the last review done; null while none was (the window then looks back two weeks). */
  lastReviewBy: string | null;
  canComplete: boolean;
}

/** The open items of earlier incidents, counted for the review's one-line summary. */
export interface ReviewCounts {
  open: number;
  overdue: number;
}
/** One page of the review table, in due-date order; the token fetches the next page (Jira's pages are sequential). */
export interface ReviewPage {
  items: ReviewItem[];
  nextPageToken: string | null;
}
/** What the panel opens with: the counts and the first page, never the whole list. */
export interface ReviewOverview {
  counts: ReviewCounts;
  lastReviewAt: string;
  pageSize: number;
  first: ReviewPage;
  /** Open earlier items that slipped out of a closed sprint unfinished (keys, at most ten). */
  slipped: string[];
}

export interface SimilarCandidate {
  key: string;
  score: number;
  /** How alike, in words: "strong" is likely the same root cause, "possible" shares some of it. */
  strength: 'strong' | 'possible';
  sharedWords: string[];
  summary: string;
  service: string;
  category: string;
  rootCause: string;
  created: string;
}

export interface PanelData {
  issue: {
    key: string;
    id: string;
    summary: string;
    issueType: string;
    status: string;
    statusCategory: string;
    created: string;
    projectKey: string;
  };
  isIncident: boolean;
  postmortem: StoredPostMortem | null;
  /** The stored value failed validation: shown to the person instead of being silently replaced. */
  postmortemProblem: string | null;
  /** The indexed facts the report reads lag the document (a save was interrupted): saving again fixes it. */
  indexStale: boolean;
  tickets: TicketView[];
  review: ReviewOverview;
  history: { created: string; statusChanges: { at: string; from: string; to: string }[] };
  users: UserRef[];
  categories: string[];
}

export { ProjectSettingsSchema } from './settings';
export interface SettingsAnswer {
  settings: ProjectSettings;
  /** The stored version the edit is based on: a save with an older one is refused, never applied silently. */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  issueTypes: string[];
  priorities: string[];
  boards: BoardChoice[];
  canEdit: boolean;
}

/**
 * The document is saved. `pending` lists what followed it and failed (the indexed facts, the summary, the
 * repeat link), `warning` says so in words; saving again (even unchanged) completes them.
 */
export interface SaveAnswer {
  postmortem: StoredPostMortem;
  summary: string;
  warning: string | null;
  pending: string[];
}
export interface ActionProgress {
  itemId: string;
  slot: number;
  state: 'created' | 'existing' | 'in-progress' | 'failed';
  ticketKey?: string;
  message?: string;
}
export interface CreateTicketsAnswer {
  items: ActionProgress[];
  sprint: { id: number; name: string } | null;
  /** The tickets are safe, but something after them is pending (e.g. recording their keys on the post-mortem). */
  warning?: string;
  /** The board the tickets are on; `column` is set on a Kanban board (the tickets are at its top). */
  board?: { id: number; name: string; column: string | null };
}
export interface SprintAnswer {
  id: number;
  name: string;
  startDate: string | null;
  endDate: string | null;
}

export const payloads = {
  'panel/load': z.object({}).strict(),
  'panel/save': z
    .object({
      doc: PostMortemSchema,
      baseVersion: z.number().int().min(0),
      syncSummary: z.boolean(),
      /** The issue summary the panel loaded: compared with the composed title, never written as such. */
      summaryLoaded: z.string().max(255),
    })
    .strict(),
  'actions/create': z.object({ requestId: z.string().min(8).max(64) }).strict(),
  'actions/createSprint': z.object({}).strict(),
  'review/outcome': z
    .object({
      ticketKey: ISSUE_KEY,
      outcome: z.enum(REVIEW_OUTCOMES),
      note: z.string().max(500).refine(isWellFormed, WELL_FORMED),
      reassignTo: z.string().min(1).max(128).nullable(),
      /** The outcome version the reviewer saw (0: none yet). */
      baseVersion: z.number().int().min(0).max(1_000_000),
    })
    .strict()
    .refine((p) => p.outcome !== 'reassigned' || p.reassignTo !== null, {
      message: 'choose who the item is reassigned to',
      path: ['reassignTo'],
    })
    .refine((p) => p.outcome !== 'dropped' || p.note.trim().length > 0, {
      message: 'say why the item is dropped',
      path: ['note'],
    }),
  'review/complete': z.object({}).strict(),
  'review/status': z.object({}).strict(),
  'review/page': z.object({ pageToken: z.string().min(1).max(4000).nullable() }).strict(),
  'review/agenda': z.object({}).strict(),
  /** The draft's words (maybe unsaved), ranked against earlier post-mortems of the incident's project. */
  'panel/similar': z
    .object({
      rootCause: z.string().max(2000),
      factors: z.array(z.string().max(1000)).max(3),
      service: z.string().max(80),
      category: z.string().max(80),
    })
    .strict(),
  'comment/agenda': z.object({}).strict(),
  'comment/postmortem': z.object({}).strict(),
  'users/search': z.object({ query: z.string().max(100).refine(isWellFormed, WELL_FORMED) }).strict(),
  'settings/load': z.object({}).strict(),
  'settings/save': SettingsSavePayloadSchema,
  'report/followup': z.object({}).strict(),
  'panel/followup': z.object({}).strict(),
  'report/headline': ReportFiltersSchema,
  'report/details': ReportFiltersSchema,
} as const;

export interface Answers {
  'panel/load': PanelData;
  'panel/save': SaveAnswer;
  'actions/create': CreateTicketsAnswer;
  'actions/createSprint': SprintAnswer;
  'review/outcome': ReviewOutcome;
  'review/complete': { lastReviewAt: string };
  'review/status': ReviewStatus;
  'review/page': ReviewPage;
  'review/agenda': ReviewData;
  'panel/similar': { candidates: SimilarCandidate[] };
  'comment/agenda': { commentId: string };
  'comment/postmortem': { commentId: string };
  'users/search': { users: UserRef[] };
  'settings/load': SettingsAnswer;
  'settings/save': SettingsAnswer;
  'report/followup': FollowUpReport;
  'panel/followup': PanelFollowUp;
  'report/headline': ReportHeadlineAnswer;
  'report/details': ReportDetailsAnswer;
}

export type ResolverName = keyof typeof payloads;
export type Payload<K extends ResolverName> = z.input<(typeof payloads)[K]>;
