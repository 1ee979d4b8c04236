import Resolver from '@forge/resolver';
import { forgePlatform } from './forge-platform';
import { toInvocationContext } from './forge-context';
import { buildResolvers } from './resolvers/definitions';
import { onInstalled } from './triggers/install';
import { followUpScheduled } from './triggers/follow-up';
import { onActionTicketUpdated, onTimeScheduled } from './triggers/on-time';
import { reportHistoryScheduled } from './triggers/report-history';
import { scheduledHandler } from './triggers/scheduled';

// Handlers named in manifest.yml, and nothing else. `npm run check:deploy` checks the bundle exports each one.
const resolver = new Resolver();
for (const [name, run] of Object.entries(buildResolvers(forgePlatform))) {
  resolver.define(name, ({ payload, context }: { payload: unknown; context: unknown }) =>
    run(payload, toInvocationContext(context)),
  );
}
export const resolverHandler = resolver.getDefinitions();

/** avi:forge:installed:app and avi:forge:upgraded:app. */
export const installHandler = async (): Promise<void> => onInstalled(forgePlatform);

/** avi:jira:updated:issue, filtered in manifest.yml (not the app's own updates; action tickets only). */
export const onTimeUpdateHandler = async (event: unknown): Promise<void> => onActionTicketUpdated(forgePlatform, event);

// Scheduled jobs: each its own function in manifest.yml, used only by its scheduledTrigger, with timeoutSeconds.
export const onTimeHandler = scheduledHandler('ontime-hourly', onTimeScheduled, forgePlatform);
export const followUpHandler = scheduledHandler('followup-hourly', followUpScheduled, forgePlatform);
export const reportHistoryHandler = scheduledHandler('report-history', reportHistoryScheduled, forgePlatform);
