/** A non-2xx answer from Jira, with Jira's own messages kept for the person who asked. */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly operation: string,
    readonly errorMessages: string[],
    readonly fieldErrors: Record<string, string>,
    readonly rateLimitReason?: string,
  ) {
    const detail = [...errorMessages, ...Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v}`)].join('; ');
    super(`${operation} failed with HTTP ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'JiraError';
  }

  get isRateLimited(): boolean {
    return this.status === 429;
  }
  get isForbidden(): boolean {
    return this.status === 403 || this.status === 401;
  }
  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** Jira answered 2xx but with a body that does not match what the app relies on. */
export class JiraResponseShapeError extends Error {
  constructor(
    readonly operation: string,
    readonly issues: string[],
  ) {
    super(`${operation}: unexpected response from Jira (${issues.slice(0, 3).join('; ')})`);
    this.name = 'JiraResponseShapeError';
  }
}
