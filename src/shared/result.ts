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
  'JIRA_ERROR',
  /** Jira did not answer: a write may or may not have landed (the message says how to check). */
  'UNCERTAIN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** `hint` names a next step the UI can offer (e.g. 'create-sprint' when the board has no future sprint). */
export interface AppError {
  code: ErrorCode;
  message: string;
  details?: string[];
  hint?: string;
  /** What happened to the person's data (wording in messages.ts). */
  data?: DataState;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const success = <T>(data: T): Result<T> => ({ ok: true, data });
export const failure = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details?.length ? { code, message, details } : { code, message },
});
