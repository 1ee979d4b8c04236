import type { JiraTransport } from '../src/jira/transport';
import { AS_APP_HEADER, SENT_AT_HEADER, USER_HEADER } from './emulator/server';

/**
 * The local stand-in for Forge's requestJira: HTTP to the emulator, as a chosen user (asUser)
 * or as the app (asApp). The Route's value is the path Forge would send to the site.
 */
export function httpTransport(baseUrl: string, who: { accountId: string } | 'app', timeoutMs = 20_000): JiraTransport {
  return {
    async requestJira(path, init) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (who === 'app') headers[AS_APP_HEADER] = 'true';
      else headers[USER_HEADER] = who.accountId;
      headers[SENT_AT_HEADER] = String(Date.now());
      const res = await fetch(baseUrl + path.value, {
        method: init.method,
        headers,
        body: init.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: res.status, headers: res.headers, text: () => res.text() };
    },
  };
}
