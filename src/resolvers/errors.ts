import { ZodError } from 'zod';
import { JiraError, JiraResponseShapeError } from '../jira/errors';
import { AppFailure, SetupFailure } from '../services/failure';
import { incidentTypeMissing, isIncidentTypeUnknown } from '../services/install';
import { failure, type Result } from '../shared/result';

const causes = new WeakMap<object, unknown>();

/** The error a failure envelope was made from (for the structured failure log), if it was made by toFailure. */
export function failureCause(result: Result<unknown>): unknown {
  return causes.get(result);
}

/** Turns any failure into the envelope the UI understands, keeping Jira's own words where there are some. */
export function toFailure(error: unknown): Result<never> {
  const result = describe(error);
  causes.set(result, error);
  return result;
}

function describe(error: unknown): Result<never> {
  if (error instanceof SetupFailure)
    return { ok: false, error: { code: error.code, message: error.message, setup: error.problem } };
  if (error instanceof JiraError && isIncidentTypeUnknown(error)) {
    const f = incidentTypeMissing();
    return { ok: false, error: { code: f.code, message: f.message, setup: f.problem } };
  }
  if (error instanceof AppFailure) {
    const r = failure(error.code, error.message, error.details);
    return error.hint && !r.ok ? { ok: false, error: { ...r.error, hint: error.hint } } : r;
  }
  if (error instanceof ZodError) {
    return failure(
      'VALIDATION',
      'The request was not valid.',
      error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`),
    );
  }
  if (error instanceof JiraError) {
    const details = [...error.errorMessages, ...Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v}`)];
    if (error.status === 429)
      return failure(
        'RATE_LIMITED',
        'Jira is busy (rate limited). Nothing was lost: try again in a few seconds.',
        details,
      );
    if (error.isForbidden)
      return failure('FORBIDDEN', `Jira refused: ${details[0] ?? 'you do not have permission for this.'}`, details);
    if (error.isNotFound) return failure('NOT_FOUND', details[0] ?? 'Not found in Jira.', details);
    return failure('JIRA_ERROR', `${error.operation} failed (HTTP ${error.status}).`, details);
  }
  if (error instanceof JiraResponseShapeError) return failure('JIRA_ERROR', error.message, error.issues);
  return failure('INTERNAL', 'Something went wrong in the app. Nothing was changed; please try again.');
}
