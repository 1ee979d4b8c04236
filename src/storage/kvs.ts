/**
 * The app's key-value storage, as the services use it. In Forge it is @forge/kvs (forge-kvs.ts);
 * locally and in tests it is the stand-in in dev/kvs, with the same semantics.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Atomic create-if-absent: true when this call created the key, false when it already existed. */
  setIfAbsent(key: string, value: unknown): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every key and value whose key starts with `prefix` (paged through internally). */
  listByPrefix(prefix: string): Promise<{ key: string; value: unknown }[]>;
}

/** KVS key slots the app uses; one place so no two features collide. Keys stay well under 500 chars. */
export const kvsKeys = {
  /**
   * Rule 2: one reservation per action item of an incident, taken with FAIL_IF_EXISTS. Keyed by the item's id,
   * never its position: removing an earlier item must not shift a ticket onto another item.
   */
  actionSlot: (incidentId: string, itemId: string) => `action-item:${incidentId}:${itemId}`,
  actionSlotPrefix: (incidentId: string) => `action-item:${incidentId}:`,
  /** Steps a save could not complete after the document was written (e.g. the repeat link): the next save does. */
  postmortemPending: (issueId: string) => `postmortem-pending:${issueId}`,
  /** Rule 3: the outcome a reviewer recorded for an earlier action ticket. */
  reviewOutcome: (projectId: string, ticketKey: string) => `review-outcome:${projectId}:${ticketKey}`,
  /** Optimistic concurrency: the save that creates version N of an incident's post-mortem takes this key first. */
  postmortemVersion: (issueId: string, version: number) => `postmortem-version:${issueId}:${version}`,
  reviewOutcomePrefix: (projectId: string) => `review-outcome:${projectId}:`,
  /** When the project last completed a review: moved only by an explicit "review complete". */
  lastReview: (projectId: string) => `review-last:${projectId}`,
  /** Per-project settings: root-cause categories, action ticket issue type. */
  projectSettings: (projectId: string) => `project-settings:${projectId}`,
  /** Optimistic concurrency for settings: the save that creates version N takes this key first. */
  projectSettingsVersion: (projectKey: string, version: number) => `project-settings-version:${projectKey}:${version}`,
  /** Reminders: one key per action ticket and overdue period, taken before the comment is posted. */
  reminder: (ticketKey: string, period: string) => `reminder:${ticketKey}:${period}`,
  /** Where the daily reminder run stopped (it resumes there when it ran out of time). */
  reminderCursor: () => 'reminder-cursor',
  /** Slipped tickets: one key per ticket and closed sprint, so a retry never moves or comments twice. */
  slipped: (ticketKey: string, sprintId: number) => `slipped:${ticketKey}:${sprintId}`,
  /** Install-time configuration: the Incident issue type id, link type, sprint field id. */
  siteConfig: () => 'site-config',
  /** Where a scheduled job stopped when its time budget ran out; the next run resumes there (services/job-budget). */
  jobCursor: (job: string) => `job-cursor:${job}`,
} as const;
