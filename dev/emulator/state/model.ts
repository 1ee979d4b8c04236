/** The emulator's own records: plain data, close to what Jira keeps, rendered to REST shapes in routes/. */

/** COMMENT is Jira's Add Comments; EDIT and ADMIN imply it (a read-only BROWSE user cannot comment). */
export type ProjectPermission = 'BROWSE' | 'CREATE' | 'EDIT' | 'COMMENT' | 'ADMIN';

export interface UserRec {
  accountId: string;
  displayName: string;
  email: string;
  active: boolean;
  siteAdmin: boolean;
  timeZone: string;
}
export interface ProjectRec {
  id: string;
  key: string;
  name: string;
  leadAccountId: string;
  permissions: Record<string, ProjectPermission[]>;
  /** Fields missing from the create screen (Jira refuses them on create), e.g. the sprint field on some projects. */
  createScreenExcludes?: string[];
  /** Fields missing from the edit screen (Jira refuses them on edit), e.g. a summary locked by a scheme. */
  editScreenExcludes?: string[];
  /** The project's issue type scheme; absent means the site's default scheme (every type). */
  issueTypeIds?: string[];
}
export interface ResolutionRec {
  id: string;
  name: string;
  description: string;
}
export interface IssueTypeRec {
  id: string;
  name: string;
  description: string;
  hierarchyLevel: number;
  subtask: boolean;
}
export interface StatusRec {
  id: string;
  name: string;
  category: 'new' | 'indeterminate' | 'done';
}
export interface PriorityRec {
  id: string;
  name: string;
}
export interface FieldRec {
  id: string;
  name: string;
  custom: boolean;
  schemaType: string;
  schemaCustom?: string;
  customId?: number;
}
export interface LinkTypeRec {
  id: string;
  name: string;
  inward: string;
  outward: string;
}
export interface LinkRec {
  id: string;
  typeId: string;
  inwardIssueId: number;
  outwardIssueId: number;
}
export interface BoardRec {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  projectId: string;
  /** Column configuration, left to right; absent: one column per status category (board-ranking.ts). */
  columns?: { name: string; statusIds: string[] }[];
}
export interface SprintRec {
  id: number;
  name: string;
  state: 'future' | 'active' | 'closed';
  boardId: number;
  startDate?: string;
  endDate?: string;
  goal?: string;
  rank: number;
}
export interface CommentRec {
  id: string;
  authorId: string;
  body: unknown;
  created: string;
}
export interface ChangeRec {
  at: string;
  field: string;
  from: string | null;
  to: string | null;
}

export interface IssueRec {
  id: number;
  key: string;
  projectId: string;
  issueTypeId: string;
  summary: string;
  description: unknown;
  statusId: string;
  priorityId: string | null;
  assigneeId: string | null;
  reporterId: string | null;
  labels: string[];
  created: string;
  updated: string;
  resolutiondate: string | null;
  /** Set and cleared by workflow transitions, as a Jira workflow's resolution screen or post-function does. */
  resolutionId?: string | null;
  duedate: string | null;
  sprintIds: number[];
  /** Board rank (lower is higher on the board); absent: creation order (board-ranking.ts). */
  rank?: number;
  properties: Record<string, unknown>;
  comments: CommentRec[];
  changelog: ChangeRec[];
}

export const STATUS_CATEGORY = {
  new: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
} as const;

/** Jira's timestamp style: 2026-03-01T14:05:00.000+0000. */
export const jiraTime = (d: Date | number | string): string => new Date(d).toISOString().replace('Z', '+0000');
