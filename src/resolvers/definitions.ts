import { z } from 'zod';
import { loadPage } from '../services/page-load';
import { loadPanel } from '../services/panel-load';
import type { InvocationContext, Platform } from '../services/context';
import { payloads, type Answers, type ResolverName } from '../shared/contract';
import { failure, success, type Result } from '../shared/result';
import { toFailure } from './errors';

type Handler<K extends ResolverName> = (payload: z.output<(typeof payloads)[K]>, ctx: InvocationContext, platform: Platform) => Promise<Answers[K]>;
export type ResolverMap = { [K in ResolverName]: (payload: unknown, ctx: InvocationContext) => Promise<Result<Answers[K]>> };

const need = (value: string | undefined, what: string): string => {
  if (!value) throw new z.ZodError([{ code: 'custom', path: ['context', what], message: `this resolver runs only where Jira provides the ${what}`, input: undefined }]);
  return value;
};

/** Thin resolvers: validate the payload, call one service, wrap the answer. One per surface and verb. */
const handlers: { [K in ResolverName]: Handler<K> } = {
  'panel/load': (_payload, ctx, p) => loadPanel(p.asUser(ctx.accountId), need(ctx.issueKey, 'issueKey')),
  'page/load': (_payload, ctx, p) => loadPage(p.asUser(ctx.accountId), need(ctx.projectKey, 'projectKey'), p.now()),
};

function define<S extends z.ZodType, T>(schema: S, handler: (payload: z.output<S>, ctx: InvocationContext, platform: Platform) => Promise<T>, platform: Platform) {
  return async (payload: unknown, ctx: InvocationContext): Promise<Result<T>> => {
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) return toFailure(parsed.error);
    if (!ctx.accountId) return failure('FORBIDDEN', 'Sign in to Jira to use this app.');
    try {
      return success(await handler(parsed.data, ctx, platform));
    } catch (e) {
      return toFailure(e);
    }
  };
}

/** The same definitions serve Forge (src/index.ts) and the local harness (dev/harness). */
export function buildResolvers(platform: Platform): ResolverMap {
  return {
    'panel/load': define(payloads['panel/load'], handlers['panel/load'], platform),
    'page/load': define(payloads['page/load'], handlers['page/load'], platform),
  };
}
