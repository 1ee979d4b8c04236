import { ZodError } from 'zod';
import { JiraError, JiraResponseShapeError } from '../jira/errors';
import { AppFailure } from './failure';

/** Where a failure happened: the resolver or trigger, and the issue or project it was about. */
export interface FailureSite {
  resolver?: string;
  trigger?: string;
  issueKey?: string;
  projectKey?: string;
}

/**
 * One JSON line per failure, so `forge logs` on a real site says what failed: where, Jira's status and
 * RateLimit-Reason, and the kind of error. Deliberately without personal data or free text (no account ids,
 * no Jira messages, no payloads): Jira's messages can quote names and field values.
 * 429s and refusals are warnings (Jira said no); anything else is an error.
 */
export function logFailure(site: FailureSite, error: unknown, code?: string): void {
  const line: Record<string, string | number> = { event: 'postmortem-loop.failure' };
  for (const [k, v] of Object.entries(site)) if (typeof v === 'string' && v) line[k] = v;
  if (code) line.code = code;
  if (error instanceof JiraError) {
    line.jiraStatus = error.status;
    line.operation = error.operation;
    if (error.rateLimitReason) line.rateLimitReason = error.rateLimitReason;
  } else if (error instanceof JiraResponseShapeError) {
    line.operation = error.operation;
  }
  if (error === undefined) {
    console.warn(JSON.stringify(line)); // a failure the resolver answered itself, with no error behind it
    return;
  }
  line.error =
    error instanceof AppFailure
      ? `AppFailure:${error.code}`
      : error instanceof ZodError
        ? 'ZodError'
        : error instanceof Error
          ? error.name
          : typeof error;
  const warn = error instanceof JiraError && error.status < 500;
  (warn || error instanceof AppFailure || error instanceof ZodError ? console.warn : console.error)(
    JSON.stringify(line),
  );
}
