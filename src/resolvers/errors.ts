import { ZodError } from 'zod';
import { JiraError, JiraResponseShapeError } from '../jira/errors';
import { AppFailure, SetupFailure, isNoAnswer } from '../services/failure';
import { incidentTypeMissing, isIncidentTypeUnknown } from '../services/install';
import { messages } from '../shared/messages';
import type { AppError, Result } from '../shared/result';

/** Leaves out empty parts, so the envelope carries only what is known. */
function fail(e: AppError): Result<never> {
  const error: AppError = { code: e.code, message: e.message };
  if (e.details?.length) error.details = e.details;
  if (e.hint) error.hint = e.hint;
  if (e.data) error.data = e.data;
  return { ok: false, error };
}

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
    const { code, message, details, hint, data } = error;
    return fail({ code, message, details, hint, data });
  }
  if (error instanceof ZodError) {
    return fail({
      code: 'VALIDATION',
      message: 'The request was not valid. Nothing was saved.',
      details: error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`),
      data: 'not-saved',
    });
  }
  if (error instanceof JiraError) {
    const details = [...error.errorMessages, ...Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v}`)];
    if (error.status === 429)
      return fail({
        code: 'RATE_LIMITED',
        message: 'Jira is busy (rate limited). Nothing was lost: try again in a few seconds.',
        details,
        data: 'not-saved',
      });
    if (error.isForbidden)
      return fail({
        code: 'FORBIDDEN',
        message: `Jira refused: ${details[0] ?? 'you do not have permission for this.'}`,
        details,
        data: 'not-saved',
      });
    if (error.isNotFound) return fail({ code: 'NOT_FOUND', message: details[0] ?? 'Not found in Jira.', details });
    if (error.status >= 500)
      return fail({
        code: 'JIRA_ERROR',
        message: `${error.operation} failed (HTTP ${error.status}). Reload to see what Jira holds before trying again.`,
        details,
        data: 'unknown',
      });
    return fail({ code: 'JIRA_ERROR', message: `${error.operation} failed (HTTP ${error.status}).`, details });
  }
  if (error instanceof JiraResponseShapeError)
    return fail({ code: 'JIRA_ERROR', message: error.message, details: error.issues });
  if (isNoAnswer(error))
    return fail({
      code: 'UNCERTAIN',
      message: messages.unknownGeneric('reload the page to see what Jira holds now'),
      data: 'unknown',
    });
  console.error('Unexpected resolver error', error);
  return fail({
    code: 'INTERNAL',
    message: messages.internalAfterWrite('reload the page to see what Jira holds now'),
    data: 'unknown',
  });
}
