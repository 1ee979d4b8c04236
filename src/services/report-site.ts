import { z } from 'zod';
import { DROPPED_RESOLUTIONS } from '../domain/report-definitions';
import { getResolutionNames } from '../jira/config';
import type { JiraTransport } from '../jira/transport';
import type { KeyValueStore } from '../storage/kvs';
import { reportZones, type ReportZones } from './report-zones';

/**
 * What the report must know about the site before it can write a single count: the zones (every boundary is cut in
 * the site's zone and written on the reader's clock) and which resolutions exist among those that drop a ticket
 * (JQL refuses a resolution name that does not exist). Read once, they are kept in app storage, so the next view
 * sends its counts at once; they are read again on every view in parallel, and when they changed the counts are
 * sent again with the new facts: a stale copy costs one more round, never a wrong figure.
 */
export interface SiteFacts {
  zones: ReportZones;
  /** Resolution names on this site that mean "not done" (DROPPED_RESOLUTIONS), as Jira spells them. */
  dropping: string[];
}

const Kept = z.object({
  zones: z.object({ site: z.string(), user: z.string(), source: z.string() }),
  dropping: z.array(z.string()),
});
const key = (accountId: string) => `report-site-facts:${accountId}`;

async function readFresh(jira: JiraTransport): Promise<SiteFacts> {
  const [zones, names] = await Promise.all([reportZones(jira), getResolutionNames(jira)]);
  return { zones, dropping: names.filter((n) => DROPPED_RESOLUTIONS.includes(n.toLowerCase())).sort() };
}

const same = (a: SiteFacts, b: SiteFacts) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs `use` with the kept site facts right away (or, on a first view, once they are read), and again with the
 * fresh ones if those differ. The answer always rests on facts read during this view.
 */
export async function withSiteFacts<T>(
  jira: JiraTransport,
  kvs: KeyValueStore,
  accountId: string | undefined,
  use: (facts: SiteFacts) => Promise<T>,
): Promise<T> {
  const kept = accountId ? Kept.safeParse(await kvs.get(key(accountId))) : null;
  const fresh = readFresh(jira);
  if (!kept?.success) {
    const facts = await fresh;
    if (accountId) await kvs.set(key(accountId), facts).catch(() => undefined);
    return use(facts);
  }
  const early = use(kept.data);
  // Both are awaited below; an early failure of one must not count as unhandled while the other runs.
  early.catch(() => undefined);
  const facts = await fresh;
  if (same(facts, kept.data)) return early;
  if (accountId) await kvs.set(key(accountId), facts).catch(() => undefined);
  return use(facts);
}
