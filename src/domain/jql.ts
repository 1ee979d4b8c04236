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
  /** Rule 3 and the panel's own tickets in one search: open ones, ones done since the last review, and this incident's. */
  reviewTickets: (projectKey: string, since: string, incidentKey: string) =>
    `${jql.actionTickets(projectKey)} AND (statusCategory != Done OR resolved >= ${quote(jqlDate(since))} OR issue.property[${ACTION_PROPERTY}].incident = ${quote(incidentKey)}) ORDER BY duedate ASC`,
  /** Post-mortems written before this incident, newest first: the candidates for "same root cause". */
  earlierPostmortems: (projectKey: string, createdBefore: string) =>
    `${jql.incidents(projectKey)} AND issue.property[${INDEX_PROPERTY}].status IS NOT EMPTY AND created < ${quote(jqlDate(createdBefore))} ORDER BY created DESC`,
  openActionsOfIncident: (projectKey: string, incidentKey: string) =>
    `${jql.actionTicketsOf(projectKey, incidentKey)} AND statusCategory != Done`,
};

/** JQL's date-time literal (minute precision, the site's zone: UTC here). */
export function jqlDate(iso: string): string {
  const d = new Date(Date.parse(iso));
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
}

export const withinDays = (query: string, field: 'created' | 'resolved', days: number) =>
  `${query} AND ${field} >= -${days}d`;
