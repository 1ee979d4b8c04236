import { asAppTransport, asUserTransport } from './jira/forge-transport';
import { withRetry } from './jira/client';
import type { Platform } from './services/context';
import { forgeKvs } from './storage/forge-kvs';

/** Production wiring: Forge's requestJira (as the user or the app) and @forge/kvs. */
export const forgePlatform: Platform = {
  // In Forge, asUser() acts as whoever invoked the function; the accountId is for local parity only.
  asUser: () => withRetry(asUserTransport()),
  asApp: () => withRetry(asAppTransport()),
  kvs: forgeKvs,
  now: () => Date.now(),
};
