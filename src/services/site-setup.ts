import type { Route } from '@forge/api';
import type { JiraRequestInit, JiraResponse, JiraTransport } from '../jira/transport';
import type { Platform } from './context';
import { ensureSiteSetup, recordedSetup } from './install';

/**
 * Setup that heals itself. Every transport this platform hands out makes sure, before its first request, that the
 * app's setup was recorded (one KVS read; when it is missing, e.g. the install trigger failed, it is made now, as
 * the app). And when Jira refuses a request that names a link type with "no such link type" (an admin deleted it
 * after install), the setup is made again and the request repeated once: the refusal wrote nothing, and linking is
 * idempotent in Jira anyway (201 for a duplicate).
 */
export function withSelfHealingSetup(platform: Platform): Platform {
  const heal = () => ensureSiteSetup(platform.asApp(), platform.kvs);
  const healing = (jira: JiraTransport): JiraTransport => {
    let checked = false;
    return {
      async requestJira(path: Route, init: JiraRequestInit): Promise<JiraResponse> {
        if (!checked) {
          checked = true;
          if (!(await recordedSetup(platform.kvs))) await heal();
        }
        const res = await jira.requestJira(path, init);
        if (!isLinkRequest(path, init) || (res.status !== 404 && res.status !== 400)) return res;
        const text = await res.text();
        if (!/link type/i.test(text)) return replay(res, text);
        await heal();
        return jira.requestJira(path, init);
      },
    };
  };
  return {
    ...platform,
    asUser: (accountId) => healing(platform.asUser(accountId)),
    asApp: () => healing(platform.asApp()),
  };
}

/** Requests that name a link type: linking two issues, and creating an issue linked in the same request. */
const isLinkRequest = (path: Route, init: JiraRequestInit) =>
  init.method === 'POST' && ['/rest/api/3/issueLink', '/rest/api/3/issue'].includes(path.value.split('?')[0] ?? '');

function replay(res: JiraResponse, text: string): JiraResponse {
  return { status: res.status, headers: res.headers, text: () => Promise.resolve(text) };
}
