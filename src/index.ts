import Resolver from '@forge/resolver';
import { forgePlatform } from './forge-platform';
import { toInvocationContext } from './forge-context';
import { buildResolvers } from './resolvers/definitions';
import { onInstalled } from './triggers/install';
import { followUpJob } from './triggers/follow-up';
import { onTimeJob } from './triggers/on-time';

// Handlers named in manifest.yml, and nothing else.
const resolver = new Resolver();
for (const [name, run] of Object.entries(buildResolvers(forgePlatform))) {
  resolver.define(name, ({ payload, context }: { payload: unknown; context: unknown }) =>
    run(payload, toInvocationContext(context)),
  );
}
export const resolverHandler = resolver.getDefinitions();

export const installHandler = async (): Promise<void> => onInstalled(forgePlatform);

export const onTimeHandler = async (): Promise<void> => onTimeJob(forgePlatform);

export const followUpHandler = async (): Promise<{ statusCode: number }> => {
  await followUpJob(forgePlatform);
  return { statusCode: 204 };
};
