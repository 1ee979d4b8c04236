import type { Route } from '@forge/api';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraRequestInit {
  method: HttpMethod;
  body?: string;
  headers?: Record<string, string>;
}

export interface JiraResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * One Jira request. In Forge this is `api.asUser().requestJira` or `api.asApp().requestJira`
 * (forge-transport.ts); locally, HTTP to the emulator as a chosen user (dev/http-transport.ts).
 * The method is named requestJira so that @forge/lint checks every call's scopes.
 */
export interface JiraTransport {
  requestJira(path: Route, init: JiraRequestInit): Promise<JiraResponse>;
}
