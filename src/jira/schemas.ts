import { z } from 'zod';

/** Only what the app reads from Jira's answers: zod strips the rest, and checks what it keeps. */
export const UserSchema = z.object({
  accountId: z.string(),
  displayName: z.string().optional(),
  active: z.boolean().optional(),
});
export const StatusSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  statusCategory: z.object({ key: z.string(), name: z.string().optional() }),
});
export const IssueTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  subtask: z.boolean().optional(),
  hierarchyLevel: z.number().optional(),
  /** Present on project-scoped (team-managed) types, which the app never uses as its site-wide Incident type. */
  scope: z.object({ type: z.string() }).passthrough().optional(),
});
export const PrioritySchema = z.object({ id: z.string(), name: z.string() });
export const ProjectSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  style: z.string().optional(),
  simplified: z.boolean().optional(),
  /** The types of the project's scheme (GET /project/{key} returns them): the Incident type may be missing. */
  issueTypes: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});
export const FieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.object({ type: z.string().optional(), custom: z.string().optional() }).optional(),
});
export const IssueLinkTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  inward: z.string(),
  outward: z.string(),
});

/** Common issue fields, each optional: a search only returns the fields it asked for. */
export const IssueFieldsSchema = z
  .object({
    summary: z.string().optional(),
    status: StatusSchema.optional(),
    issuetype: IssueTypeSchema.optional(),
    project: z.object({ id: z.string(), key: z.string() }).optional(),
    created: z.string().optional(),
    resolutiondate: z.string().nullable().optional(),
    duedate: z.string().nullable().optional(),
    assignee: UserSchema.nullable().optional(),
    priority: PrioritySchema.nullable().optional(),
    labels: z.array(z.string()).optional(),
  })
  .catchall(z.unknown());

const ChangelogSchema = z.object({
  histories: z.array(
    z.object({
      created: z.string(),
      items: z.array(
        z.object({
          field: z.string(),
          fromString: z.string().nullable().optional(),
          toString: z.string().nullable().optional(),
        }),
      ),
    }),
  ),
});

export const IssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: IssueFieldsSchema.optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  changelog: ChangelogSchema.optional(),
});
export type Issue = z.infer<typeof IssueSchema>;

export const SprintSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  state: z.enum(['future', 'active', 'closed']),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  originBoardId: z.number().int().optional(),
  goal: z.string().optional(),
});
export type Sprint = z.infer<typeof SprintSchema>;

/** The sprint field reads back as an array of sprints (written as a bare id). */
export const SprintFieldValueSchema = z
  .array(SprintSchema.pick({ id: true, name: true, state: true }))
  .nullable()
  .optional();

export const BoardSchema = z.object({ id: z.number().int(), name: z.string(), type: z.string() });
