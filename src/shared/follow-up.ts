/** What the follow-up card on the project page and the follow-up note in the panel show (shared contract). */
export interface FollowUpReport {
  holdDays: number;
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
