/**
 * Names the app gives the things it creates in Jira. Kept in one place: the install step creates them,
 * the services and JQL rely on them, and the local demo seeds them the same way.
 */
export const INCIDENT_TYPE = {
  name: 'Incident',
  description: 'A service disruption, with its post-mortem (Post-mortem Loop).',
} as const;
export const ACTION_LINK_TYPE = {
  name: 'Post-mortem action',
  outward: 'has action item',
  inward: 'is action item of',
} as const;
export const REPEAT_LINK_TYPE = {
  name: 'Post-mortem repeat',
  outward: 'repeats root cause of',
  inward: 'root cause repeated by',
} as const;
export const ACTION_LABEL = 'postmortem-action';
export const INCIDENT_LABEL = 'incident';
/** The whole post-mortem document (up to Jira's 32 KB per property). */
export const POSTMORTEM_PROPERTY = 'postmortem';
/** The small, indexed facts of a post-mortem that JQL and the report read; written with every save. */
export const INDEX_PROPERTY = 'postmortemIndex';
export const ACTION_PROPERTY = 'postmortemAction';

/** P1-P3 to the Jira priorities of a default scheme; a project may map them differently (settings). */
export const DEFAULT_PRIORITY_MAP = { P1: 'Highest', P2: 'High', P3: 'Medium' } as const;

export const DEFAULT_CATEGORIES = [
  'Deploy / config change',
  'Capacity / saturation',
  'Dependency failure',
  'Data / migration',
  'Certificate / secret expiry',
  'Retry storm / cascading failure',
  'Monitoring gap',
] as const;
