import type { DataState } from './messages';

/** One envelope for every resolver answer: the panel and page never guess whether a call worked. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'RATE_LIMITED',
  'CONFLICT',
  'TOO_LARGE',
  'PRECONDITION',
  'SETUP_REQUIRED',
  'JIRA_ERROR',
  /** The app's own storage refused a write; the message says whether anything was kept. */
  'STORAGE_ERROR',
  /** Jira did not answer: a write may or may not have landed (the message says how to check). */
  'UNCERTAIN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/**
 * Why the app's site setup (the Incident issue type, its two link types) could not be made, with SETUP_REQUIRED:
 * the message says what a Jira admin must do. no-admin-right: the app may not create them; issue-linking-off:
 * issue linking is disabled on the site; incident-type-missing: Jira does not know the Incident type here.
 */
export const SETUP_PROBLEMS = ['no-admin-right', 'issue-linking-off', 'incident-type-missing'] as const;
export type SetupProblem = (typeof SETUP_PROBLEMS)[number];
/** `hint` names a next step the UI can offer (e.g. 'create-sprint' when the board has no future sprint). */
export interface AppError {
  code: ErrorCode;
  message: string;
  details?: string[];
  hint?: string;
  /** What happened to the person's data (wording in messages.ts). */
  data?: DataState;
  setup?: SetupProblem;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const success = <T>(data: T): Result<T> => ({ ok: true, data });
export const failure = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details?.length ? { code, message, details } : { code, message },
});
