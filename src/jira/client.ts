import type { z } from 'zod';
import { JiraError, JiraResponseShapeError } from './errors';
import type { JiraRequestInit, JiraResponse, JiraTransport } from './transport';
import type { Route } from '@forge/api';

export interface RetryPolicy {
  /** How many times a 429 is retried before giving up. */
  maxRetries: number;
  /** Longest single wait, so a resolver stays inside Forge's 25 s limit. */
  maxWaitMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  maxWaitMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Wraps a transport: 429 answers are retried after Retry-After (bounded), and so are 5xx answers to
 * GETs (safe to repeat). Writes are never repeated on 5xx here: the service that made them decides,
 * because the write may have happened.
 */
export function withRetry(transport: JiraTransport, policy: RetryPolicy = defaultRetryPolicy): JiraTransport {
  return {
    async requestJira(path: Route, init: JiraRequestInit): Promise<JiraResponse> {
      for (let attempt = 0; ; attempt++) {
        const res = await transport.requestJira(path, init);
        const retryable = res.status === 429 || (res.status >= 500 && init.method === 'GET');
        if (!retryable || attempt >= policy.maxRetries) return res;
        await policy.sleep(retryDelayMs(res, attempt, policy.maxWaitMs));
      }
    },
  };
}

function retryDelayMs(res: JiraResponse, attempt: number, maxWaitMs: number): number {
  const header = res.headers.get('retry-after');
  const seconds = header !== null ? Number(header) : NaN;
  const base = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 250 * 2 ** attempt;
  // Jitter spreads concurrent retries so they do not hit the same burst window again together.
  return Math.min(maxWaitMs, base + Math.floor(Math.random() * 100));
}

async function failure(res: JiraResponse, operation: string): Promise<JiraError> {
  return jiraErrorOf(res, await res.text(), operation);
}

/** The JiraError for a non-2xx answer whose body text has already been read. */
export function jiraErrorOf(res: JiraResponse, raw: string, operation: string): JiraError {
  let messages: string[] = [];
  let fieldErrors: Record<string, string> = {};
  try {
    const body: unknown = JSON.parse(raw);
    if (body && typeof body === 'object') {
      const b = body as { errorMessages?: unknown; errors?: unknown; message?: unknown };
      if (Array.isArray(b.errorMessages)) messages = b.errorMessages.filter((m): m is string => typeof m === 'string');
      if (b.errors && typeof b.errors === 'object') {
        fieldErrors = Object.fromEntries(
          Object.entries(b.errors).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
      }
      if (typeof b.message === 'string') messages.push(b.message);
    }
  } catch {
    if (raw.trim()) messages = [raw.trim().slice(0, 300)];
  }
  if (res.status === 429 && messages.length === 0)
    messages = ['Jira is rate limiting this app; try again in a moment.'];
  return new JiraError(res.status, operation, messages, fieldErrors, res.headers.get('ratelimit-reason') ?? undefined);
}

/** A 2xx answer's JSON, validated; anything else becomes a JiraError with Jira's messages. */
export async function readJson<S extends z.ZodType>(
  res: JiraResponse,
  schema: S,
  operation: string,
): Promise<z.infer<S>> {
  if (res.status < 200 || res.status >= 300) throw await failure(res, operation);
  const raw = await res.text();
  let body: unknown;
  try {
    body = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    throw new JiraResponseShapeError(operation, ['body is not JSON']);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new JiraResponseShapeError(
      operation,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** For answers whose body the app does not use (204, or a 201 it ignores). */
export async function expectOk(res: JiraResponse, operation: string): Promise<void> {
  if (res.status < 200 || res.status >= 300) throw await failure(res, operation);
}

/** JSON body for a request. */
export const json = (value: unknown): string => JSON.stringify(value);
export const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' } as const;
