/** What the follow-up card on the project page and the follow-up note in the panel show (shared contract). */
/**
 * Where the hold figures come from: the follow-up ledger in app storage (synced at the time given, changes since
 * read live), a live read of the project, or nothing yet: a large project whose ledger is still being built, or
 * whose counts in Jira disagree with it (the reader cannot see some tickets, or some were deleted or moved since).
 */
export type FollowUpStatus =
  { kind: 'ledger'; syncedAt: string } | { kind: 'live' } | { kind: 'preparing'; reason: 'building' | 'unverified' };

export interface FollowUpReport {
  holdDays: number;
  /** While 'preparing', the hold figures below are empty (0, no cases, no rate) and must not be shown. */
  status: FollowUpStatus;
  fixedButRecurred: { count: number; cases: { incident: string; earlier: string }[]; jql: string };
  lateFollowUp: { count: number; jql: string };
  held: { count: number; tested: number; rate: number | null };
  slipped: { count: number; jql: string };
}

export interface PanelFollowUp {
  /** Where Rule 2 puts this project's tickets: a sprint, or a Kanban board's column. */
  placement: { kind: 'sprint' | 'kanban'; board: string | null; column: string | null };
  /** The default due date of each priority, in words (the project's targets). */
  dueRules: { P1: string; P2: string; P3: string };
  /** Later incidents confirmed as repeats of this one, and whether all its actions were done at the time. */
  recurredBy: { key: string; whileOpen: boolean }[];
}
