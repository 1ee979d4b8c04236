import { ok, type RouteTable } from './types';

/** GET /rest/api/3/resolution/search: the site's resolutions, paged by startAt/maxResults (spec PageBean). */
export const resolutionRoutes: RouteTable = {
  'GET /rest/api/3/resolution/search': ({ store, query, base }) => {
    const all = [...store.resolutions.values()].sort((a, b) => Number(a.id) - Number(b.id));
    const startAt = Math.max(0, Number(query.get('startAt') ?? 0) || 0);
    const maxResults = Math.min(100, Math.max(1, Number(query.get('maxResults') ?? 50) || 50));
    const values = all.slice(startAt, startAt + maxResults).map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      self: `${base}/rest/api/3/resolution/${r.id}`,
      default: false,
    }));
    return ok({ startAt, maxResults, total: all.length, isLast: startAt + maxResults >= all.length, values });
  },
};
