import { z } from 'zod';
import { DROPPED_RESOLUTIONS } from '../domain/report-definitions';
import { isTimeZone } from '../domain/zone';
import { getResolutionNames, getServerInfo } from '../jira/config';
import type { JiraTransport } from '../jira/transport';
import type { KeyValueStore } from '../storage/kvs';
import { afterSends } from './concurrency';
import { reportZones, siteZoneSource, type ReportZones } from './report-zones';

/**
 * What the report must know about the site before it can write a single count: the zones (every boundary is cut in
 * the site's zone and written on the reader's clock) and which resolutions exist among those that drop a ticket
 * (JQL refuses a resolution name that does not exist). Read once, they are kept in app storage, so the next view
 * sends its counts at once; they are read again on every view in parallel, and when they changed the counts are
 * sent again with the new facts: a stale copy costs one more round, never a wrong figure.
 *
 * A reader's first view starts from the site's facts (kept by the install trigger and by every view) with the
 * reader's zone taken to be the site's, which is Jira's default for a new account: a reader in another zone pays
 * the one round, the others see the headline after one.
 */
export interface SiteFacts {
  zones: ReportZones;
  /** Resolution names on this site that mean "not done" (DROPPED_RESOLUTIONS), as Jira spells them. */
  dropping: string[];
}

const KeptReader = z.object({
  zones: z.object({ site: z.string(), user: z.string(), source: z.string() }),
  dropping: z.array(z.string()),
});
/** The facts every reader shares: the site's zone and the dropping resolutions. */
const KeptSite = z.object({ site: z.string(), source: z.string(), dropping: z.array(z.string()) });
type KeptSite = z.infer<typeof KeptSite>;
const readerKey = (accountId: string) => `report-site-facts:${accountId}`;
const SITE_KEY = 'report-site-facts';

const droppingOf = (names: string[]) => names.filter((n) => DROPPED_RESOLUTIONS.includes(n.toLowerCase())).sort();

async function readFresh(jira: JiraTransport): Promise<SiteFacts> {
  const [zones, names] = await Promise.all([reportZones(jira), getResolutionNames(jira)]);
  return { zones, dropping: droppingOf(names) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const siteOf = (f: SiteFacts): KeptSite => ({ site: f.zones.site, source: f.zones.source, dropping: f.dropping });

interface KeptState {
  facts: SiteFacts | null;
  /** False when the reader's zone is a guess from the site's facts. */
  own: boolean;
  /** What the site-wide key held, so that it is written only when it changed. */
  site: unknown;
}

/** The reader's own kept facts, else the site's with the reader's zone guessed to be the site's. */
async function keptFacts(kvs: KeyValueStore, accountId: string | undefined): Promise<KeptState | null> {
  if (!accountId) return null;
  const [mine, site] = await Promise.all([kvs.get(readerKey(accountId)), kvs.get(SITE_KEY)]);
  const own = KeptReader.safeParse(mine);
  if (own.success) return { facts: own.data, own: true, site };
  const shared = KeptSite.safeParse(site);
  if (!shared.success) return { facts: null, own: false, site };
  const { site: zone, source, dropping } = shared.data;
  return { facts: { zones: { site: zone, user: zone, source }, dropping }, own: false, site };
}

/** Keeps what this view read; a storage failure only costs the next view a round. */
async function keep(kvs: KeyValueStore, accountId: string | undefined, facts: SiteFacts, kept: KeptState | null) {
  const writes: Promise<unknown>[] = [];
  if (accountId && !(kept?.own === true && same(kept.facts, facts))) writes.push(kvs.set(readerKey(accountId), facts));
  if (!same(KeptSite.safeParse(kept?.site).data, siteOf(facts))) writes.push(kvs.set(SITE_KEY, siteOf(facts)));
  await Promise.all(writes.map((w) => w.catch(() => undefined)));
}

/**
 * Runs `use` with the kept site facts right away (or, with nothing kept, once they are read), and again with the
 * fresh ones if those differ. The answer always rests on facts read during this view.
 */
export async function withSiteFacts<T>(
  jira: JiraTransport,
  kvs: KeyValueStore,
  accountId: string | undefined,
  use: (facts: SiteFacts) => Promise<T>,
): Promise<T> {
  const kept = await keptFacts(kvs, accountId).catch(() => null);
  const guess = kept?.facts;
  if (!guess) {
    const facts = await readFresh(jira);
    await keep(kvs, accountId, facts, kept);
    return use(facts);
  }
  const early = use(guess);
  // Both are awaited below; an early failure of one must not count as unhandled while the other runs.
  early.catch(() => undefined);
  // The counts leave first; the facts they rest on are checked right behind them.
  await afterSends();
  const facts = await readFresh(jira);
  await keep(kvs, accountId, facts, kept);
  return same(facts, guess) ? early : use(facts);
}

/** The install trigger's part (as the app): the site's facts, so that even a reader's first view starts at once. */
export async function recordSiteFacts(jira: JiraTransport, kvs: KeyValueStore): Promise<void> {
  const [info, names] = await Promise.all([getServerInfo(jira), getResolutionNames(jira)]);
  const zone = info.serverTimeZone && isTimeZone(info.serverTimeZone) ? info.serverTimeZone : null;
  const kept: KeptSite = { site: zone ?? 'UTC', source: siteZoneSource(zone !== null), dropping: droppingOf(names) };
  await kvs.set(SITE_KEY, kept);
}
