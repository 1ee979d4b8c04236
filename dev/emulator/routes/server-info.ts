import { ok, type RouteTable } from './types';

/** GET /rest/api/3/serverInfo: the site's address, which the app's scheduled jobs use for links in comments. */
export const serverInfoRoutes: RouteTable = {
  'GET /rest/api/3/serverInfo': ({ base, now }) =>
    ok({
      baseUrl: base,
      displayUrl: base,
      deploymentType: 'Cloud',
      serverTitle: 'Jira (emulator)',
      serverTime: new Date(now).toISOString().replace('Z', '+0000'),
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
    }),
};
