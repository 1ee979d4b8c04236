import { z } from 'zod';

/**
 * Per-project settings (project admins change them on the project page; everyone else reads them).
 * Every field added after the first release has a default, so settings stored by an older version
 * still parse and a new project works without anyone opening the settings.
 */
const days = z.number().int().min(1, 'at least 1 day').max(365, 'at most 365 days');

/** A due-date target per priority: a number of days after the ticket is created, or the end of the next sprint. */
export const DueTargetSchema = z.union([days, z.literal('sprint')]);
export type DueTarget = z.infer<typeof DueTargetSchema>;

export const REMINDER_CADENCES = ['off', 'once', 'weekly'] as const;
export const SLIPPED_POLICIES = ['move', 'flag'] as const;

export const ProjectSettingsSchema = z
  .object({
    categories: z.array(z.string().trim().min(1).max(80)).min(1, 'keep at least one root-cause category').max(40),
    ticketIssueType: z.string().min(1).max(60),
    priorityMap: z.object({ P1: z.string().min(1), P2: z.string().min(1), P3: z.string().min(1) }).strict(),
    /** The board Rule 2 places tickets on; null: the project's first scrum board, else its first board. */
    boardId: z.number().int().positive().nullable().default(null),
    /** Whether the app may create the next sprint itself when the board has none (as the person asking). */
    mayCreateSprint: z.boolean().default(true),
    dueTargets: z
      .object({ P1: DueTargetSchema, P2: DueTargetSchema, P3: DueTargetSchema })
      .strict()
      .default({ P1: 15, P2: 30, P3: 'sprint' }),
    /** What "end of the next sprint" means on a board without sprints (Kanban). */
    kanbanDays: days.default(60),
    reminderCadence: z.enum(REMINDER_CADENCES).default('weekly'),
    slippedPolicy: z.enum(SLIPPED_POLICIES).default('move'),
    /** After this many days with every action done and no confirmed repeat, an incident counts as "held". */
    holdDays: days.default(30),
  })
  .strict();
export type ProjectSettings = z.infer<typeof ProjectSettingsSchema>;

export const SettingsSavePayloadSchema = z
  .object({ settings: ProjectSettingsSchema, baseVersion: z.number().int().min(0) })
  .strict();

export interface BoardChoice {
  id: number;
  name: string;
  type: string;
}
