import { agileRoutes } from './agile';
import { boardRankingRoutes } from './board-ranking';
import { serverInfoRoutes } from './server-info';
import { configRoutes } from './config';
import { issueRoutes } from './issues';
import { linkRoutes } from './links';
import { propertyRoutes } from './properties';
import { resolutionRoutes } from './resolutions';
import { searchRoutes } from './search';
import type { RouteTable } from './types';

export const routes: RouteTable = {
  ...configRoutes,
  ...issueRoutes,
  ...propertyRoutes,
  ...linkRoutes,
  ...searchRoutes,
  ...agileRoutes,
  ...boardRankingRoutes,
  ...serverInfoRoutes,
  ...resolutionRoutes,
};

/** Answers Jira gives outside the spec's documented responses (the spec still lists the removed search). */
export const UNDOCUMENTED_STATUSES = new Set(['410 GET /rest/api/3/search', '410 POST /rest/api/3/search']);
