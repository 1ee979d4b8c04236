import { ACTION_PROPERTY, INCIDENT_TYPE, INDEX_PROPERTY } from './jira-names';

/**
 * Every JQL the app runs is written here, so the queries behind each figure can be read, tested and
 * shown to the person (each figure on the page states its JQL). Values are quoted for JQL.
 */
export const quote = (v: string): string => {
  let out = '"';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const next = v.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += v[i] + (v[i + 1] ?? ''); // a surrogate pair is one character
      i++;
    } else out += quoteChar(v[i] ?? '', c);
  }
  return `${out}"`;
};

const NAMED: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * JQL's grammar refuses control characters, C1 controls, noncharacters and lone surrogates inside a quoted
 * string (Jira answers 400), so they are written as \uXXXX escapes, which Jira decodes.
 */
function quoteChar(ch: string, code: number): string {
  const named = NAMED[ch];
  if (named) return named;
  const unsafe =
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0xfdd0 && code <= 0xfdef) ||
    code >= 0xfffe;
  return unsafe ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
}

export const jql = {
  incidents: (projectKey: string) => `project = ${quote(projectKey)} AND issuetype = ${quote(INCIDENT_TYPE.name)}`,
  publishedPostmortems: (projectKey: string) =>
    `${jql.incidents(projectKey)} AND issue.property[${INDEX_PROPERTY}].status = "published"`,
  actionTickets: (projectKey: string) =>
    `project = ${quote(projectKey)} AND issue.property[${ACTION_PROPERTY}].incident IS NOT EMPTY`,
  actionTicketsDone: (projectKey: string) => `${jql.actionTickets(projectKey)} AND statusCategory = Done`,
  actionTicketsOf: (projectKey: string, incidentKey: string) =>
    `project = ${quote(projectKey)} AND issue.property[${ACTION_PROPERTY}].incident = ${quote(incidentKey)}`,
  openActionTickets: (projectKey: string) =>
    `${jql.actionTickets(projectKey)} AND statusCategory != Done ORDER BY duedate ASC`,
  /**
   * Rule 3 and the panel's own tickets in one search: open ones, ones done since the last review, and this incident's.
   */
  reviewTickets: (projectKey: string, since: string, incidentKey: string, now: number) =>
    `${jql.actionTickets(projectKey)} AND (statusCategory != Done OR resolved >= ${quote(jqlDate(since, now, 'at-or-before'))} OR issue.property[${ACTION_PROPERTY}].incident = ${quote(incidentKey)}) ORDER BY duedate ASC`,
  /** Post-mortems written before this incident, newest first: the candidates for "same root cause". */
  earlierPostmortems: (projectKey: string, createdBefore: string, now?: number) =>
    `${jql.incidents(projectKey)} AND issue.property[${INDEX_PROPERTY}].status IS NOT EMPTY AND created < ${quote(now === undefined ? utcLiteral(createdBefore) : jqlDate(createdBefore, now, 'at-or-after'))} ORDER BY created DESC`,
  /**
   * Rule 3 in the panel: open action tickets of earlier incidents (not this one). Stable, so page tokens stay valid.
   */
  earlierOpenActions: (projectKey: string, incidentKey: string) =>
    `${jql.actionTickets(projectKey)} AND issue.property[${ACTION_PROPERTY}].incident != ${quote(incidentKey)} AND statusCategory != Done`,
  earlierSlippedActions: (projectKey: string, incidentKey: string) =>
    `${jql.earlierOpenActions(projectKey, incidentKey)} AND issue.property[${ACTION_PROPERTY}].slipped = 1 ORDER BY duedate ASC`,
  earlierOverdueActions: (projectKey: string, incidentKey: string, today: string) =>
    `${jql.earlierOpenActions(projectKey, incidentKey)} AND duedate < ${quote(today)}`,
  /**
   * Action tickets that need a reminder today, in every project but those with reminders off: overdue, not done,
   * and not reminded in their current period (nextReminderOn is written on each ticket after its reminder).
   */
  remindersDue: (today: string, skipProjects: string[]) =>
    `issue.property[${ACTION_PROPERTY}].incident IS NOT EMPTY AND statusCategory != Done AND duedate < ${quote(today)} AND (issue.property[${ACTION_PROPERTY}].nextReminderOn IS EMPTY OR issue.property[${ACTION_PROPERTY}].nextReminderOn <= ${quote(today)})${skipProjects.length ? ` AND project not in (${skipProjects.map(quote).join(', ')})` : ''} ORDER BY duedate ASC`,
  /** Repeats confirmed while the earlier incident's actions were all done / some still open. */
  repeatsAfterFix: (projectKey: string) =>
    `${jql.incidents(projectKey)} AND issue.property[${INDEX_PROPERTY}].repeatOf IS NOT EMPTY AND issue.property[${INDEX_PROPERTY}].repeatWhileOpen = 0`,
  repeatsWhileOpen: (projectKey: string) =>
    `${jql.incidents(projectKey)} AND issue.property[${INDEX_PROPERTY}].repeatOf IS NOT EMPTY AND issue.property[${INDEX_PROPERTY}].repeatWhileOpen = 1`,
  repeatsOf: (projectKey: string, incidentKey: string) =>
    `${jql.incidents(projectKey)} AND issue.property[${INDEX_PROPERTY}].repeatOf = ${quote(incidentKey)}`,
  /** Action tickets that fell out of a closed sprint unfinished (flagged or moved on by the slipped job). */
  slippedActionTickets: (projectKey: string) =>
    `${jql.actionTickets(projectKey)} AND issue.property[${ACTION_PROPERTY}].slipped = 1`,
  /** Open action tickets in a closed sprint and in no active or future one (fell back to the backlog), not flagged. */
  slippedCandidates: (flagLabel: string) =>
    `issue.property[${ACTION_PROPERTY}].incident IS NOT EMPTY AND statusCategory != Done AND sprint in closedSprints() AND sprint not in openSprints() AND sprint not in futureSprints() AND labels != ${quote(flagLabel)} ORDER BY key ASC`,
  /** A board's column, by the status ids mapped to it (the board itself bounds the query). */
  /** Unquoted ids: a quoted value is read as a status name. */
  statusIn: (statusIds: string[]) =>
    `status in (${statusIds.map((id) => (/^\d+$/.test(id) ? id : quote(id))).join(', ')})`,
  openActionsOfIncident: (projectKey: string, incidentKey: string) =>
    `${jql.actionTicketsOf(projectKey, incidentKey)} AND statusCategory != Done`,
};

/**
 * An instant for JQL, as a period from now ("-4321m"). Jira reads date-time literals such as "2026-11-20 14:00" in
 * the searching user's time zone, which the app does not know; a period means the same instant in every zone.
 * Minute precision, rounded so the query is a superset (callers filter exactly in memory): 'at-or-before' for a
 * lower bound (>=), 'at-or-after' for an upper bound (<).
 */
export function jqlDate(iso: string, now: number, round: 'at-or-before' | 'at-or-after'): string {
  const minutes = (now - Date.parse(iso)) / 60_000;
  const m = round === 'at-or-before' ? Math.ceil(minutes) : Math.floor(minutes);
  return m >= 0 ? `-${m}m` : `+${-m}m`;
}

export const withinDays = (query: string, field: 'created' | 'resolved', days: number) =>
  `${query} AND ${field} >= -${days}d`;

/** A minute-precision literal in UTC; Jira reads it in the user's zone, so only for callers without a clock. */
function utcLiteral(iso: string): string {
  const d = new Date(Date.parse(iso)).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
