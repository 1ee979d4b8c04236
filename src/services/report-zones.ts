import { isTimeZone } from '../domain/zone';
import { getMyself, getServerInfo } from '../jira/config';
import type { JiraTransport } from '../jira/transport';

export interface ReportZones {
  /** The site's default zone: every day and month boundary of the report is cut in it. */
  site: string;
  /** The searching user's zone: Jira reads JQL date literals in it. */
  user: string;
  source: string;
}

/**
 * Jira Cloud exposes the site's default time zone as `serverTimeZone` of GET /rest/api/3/serverInfo (readable by
 * anyone who can see the site; the application property `jira.default.timezone` needs Administer Jira, which a
 * report reader lacks). The user's own zone comes from GET /myself. An unknown or missing zone falls back to UTC,
 * and the page says which zone it used.
 */
export async function reportZones(jira: JiraTransport): Promise<ReportZones> {
  const [info, me] = await Promise.all([getServerInfo(jira), getMyself(jira)]);
  const site = info.serverTimeZone && isTimeZone(info.serverTimeZone) ? info.serverTimeZone : null;
  const userZone = me.timeZone;
  const user = userZone && isTimeZone(userZone) ? userZone : (site ?? 'UTC');
  return {
    site: site ?? 'UTC',
    user,
    source: siteZoneSource(site !== null),
  };
}

/** How the page names the zone it cut the report in. */
export const siteZoneSource = (stated: boolean) =>
  stated ? "the site's default time zone in Jira" : "UTC (Jira did not state the site's time zone)";
