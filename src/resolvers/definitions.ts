import { z } from 'zod';
import { createActionTickets } from '../services/action-tickets';
import { commentAgenda, commentPostMortem } from '../services/comments';
import type { InvocationContext, Platform } from '../services/context';
import { loadPanel } from '../services/panel-load';
import { savePostMortem } from '../services/postmortem-save';
import { completeReview, recordOutcome, reviewStatus } from '../services/review';
import { reportHeadline } from '../services/report';
import { reportDetails } from '../services/report-details';
import { reviewAgenda, reviewPage } from '../services/review-list';
import { findSimilar } from '../services/similar';
import { followUpReport } from '../services/follow-up-report';
import { panelFollowUp } from '../services/panel-followup';
import { createNextSprint } from '../services/sprint-create';
import { loadSettings, saveSettings } from '../services/settings-admin';
import { searchUsers } from '../services/users';
import { payloads, type Answers, type ResolverName } from '../shared/contract';
import { failure, success, type Result } from '../shared/result';
import { failureCause, toFailure } from './errors';
import { logFailure } from '../services/failure-log';
import { withSelfHealingSetup } from '../services/site-setup';

type Handler<K extends ResolverName> = (
  payload: z.output<(typeof payloads)[K]>,
  ctx: InvocationContext,
  platform: Platform,
) => Promise<Answers[K]>;
export type ResolverMap = {
  [K in ResolverName]: (payload: unknown, ctx: InvocationContext) => Promise<Result<Answers[K]>>;
};

const need = (value: string | undefined, what: string): string => {
  if (!value)
    throw new z.ZodError([
      {
        code: 'custom',
        path: ['context', what],
        message: `this resolver runs only where Jira provides the ${what}`,
        input: undefined,
      },
    ]);
  return value;
};
const issueOf = (ctx: InvocationContext) => need(ctx.issueKey, 'issueKey');
const projectOf = (ctx: InvocationContext) => need(ctx.projectKey, 'projectKey');
const panelFor = (ctx: InvocationContext, p: Platform) =>
  loadPanel(p.asUser(ctx.accountId), p.kvs, issueOf(ctx), ctx.projectKey, p.now());
const projectOfIssue = (ctx: InvocationContext) => ctx.projectKey ?? issueOf(ctx).split('-')[0] ?? '';
const agendaFor = (ctx: InvocationContext, p: Platform) =>
  reviewAgenda(p.asUser(ctx.accountId), p.kvs, projectOfIssue(ctx), issueOf(ctx), p.now());

/** Thin resolvers: validate the payload, call one service, wrap the answer. One per surface and verb. */
const handlers: { [K in ResolverName]: Handler<K> } = {
  'panel/load': (_p, ctx, p) => panelFor(ctx, p),
  'panel/save': (payload, ctx, p) =>
    savePostMortem(p.asUser(ctx.accountId), p.kvs, issueOf(ctx), payload, ctx.accountId, p.now()),
  'actions/create': (payload, ctx, p) =>
    createActionTickets(p.asUser(ctx.accountId), p.kvs, issueOf(ctx), payload.requestId, p.now(), ctx.projectKey),
  'actions/createSprint': (_p, ctx, p) => createNextSprint(p.asUser(ctx.accountId), p.kvs, projectOf(ctx), p.now()),
  'review/outcome': (payload, ctx, p) =>
    recordOutcome(p.asUser(ctx.accountId), p.kvs, projectOf(ctx), payload, ctx.accountId, p.now()),
  'review/complete': (_p, ctx, p) =>
    completeReview(p.asUser(ctx.accountId), p.kvs, projectOf(ctx), ctx.accountId, p.now()),
  'review/status': (_p, ctx, p) => reviewStatus(p.asUser(ctx.accountId), p.kvs, projectOf(ctx), p.now()),
  'review/page': (payload, ctx, p) =>
    reviewPage(p.asUser(ctx.accountId), p.kvs, projectOfIssue(ctx), issueOf(ctx), payload.pageToken, p.now()),
  'review/agenda': (_p, ctx, p) => agendaFor(ctx, p),
  'panel/similar': async (payload, ctx, p) => ({
    candidates: await findSimilar(p.asUser(ctx.accountId), issueOf(ctx), payload),
  }),
  'comment/agenda': async (_p, ctx, p) => commentAgenda(p.asUser(ctx.accountId), issueOf(ctx), await agendaFor(ctx, p)),
  'comment/postmortem': async (_p, ctx, p) => commentPostMortem(p.asUser(ctx.accountId), await panelFor(ctx, p)),
  'users/search': (payload, ctx, p) => searchUsers(p.asUser(ctx.accountId), projectOf(ctx), payload.query),
  'settings/load': (_p, ctx, p) => loadSettings(p.asUser(ctx.accountId), p.kvs, projectOf(ctx)),
  'settings/save': (payload, ctx, p) =>
    saveSettings(p.asUser(ctx.accountId), p.kvs, projectOf(ctx), payload, ctx.accountId, p.now()),
  'report/followup': (_p, ctx, p) => followUpReport(p.asUser(ctx.accountId), p.kvs, projectOf(ctx), p.now()),
  'panel/followup': (_p, ctx, p) => panelFollowUp(p.asUser(ctx.accountId), p.kvs, issueOf(ctx), projectOf(ctx)),
  'report/headline': (filters, ctx, p) =>
    reportHeadline(p.asUser(ctx.accountId), p.kvs, projectOf(ctx), filters, p.now(), ctx.accountId),
  'report/details': (filters, ctx, p) =>
    reportDetails(p.asUser(ctx.accountId), p.kvs, projectOf(ctx), filters, p.now(), undefined, ctx.accountId),
};

function define<S extends z.ZodType, T>(
  schema: S,
  handler: (payload: z.output<S>, ctx: InvocationContext, platform: Platform) => Promise<T>,
  platform: Platform,
) {
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

/**
 * The same definitions serve Forge (src/index.ts) and the local harness (dev/harness). Each resolver's Jira access
 * heals the app's setup on first use (services/site-setup), and each failure it answers is logged once.
 */
export function buildResolvers(platform: Platform): ResolverMap {
  const healing = withSelfHealingSetup(platform);
  return {
    'panel/load': withFailureLog('panel/load', define(payloads['panel/load'], handlers['panel/load'], healing)),
    'panel/save': withFailureLog('panel/save', define(payloads['panel/save'], handlers['panel/save'], healing)),
    'actions/create': withFailureLog(
      'actions/create',
      define(payloads['actions/create'], handlers['actions/create'], healing),
    ),
    'actions/createSprint': withFailureLog(
      'actions/createSprint',
      define(payloads['actions/createSprint'], handlers['actions/createSprint'], healing),
    ),
    'review/outcome': withFailureLog(
      'review/outcome',
      define(payloads['review/outcome'], handlers['review/outcome'], healing),
    ),
    'review/complete': withFailureLog(
      'review/complete',
      define(payloads['review/complete'], handlers['review/complete'], healing),
    ),
    'review/status': withFailureLog(
      'review/status',
      define(payloads['review/status'], handlers['review/status'], healing),
    ),
    'review/page': withFailureLog('review/page', define(payloads['review/page'], handlers['review/page'], healing)),
    'review/agenda': withFailureLog(
      'review/agenda',
      define(payloads['review/agenda'], handlers['review/agenda'], healing),
    ),
    'panel/similar': withFailureLog(
      'panel/similar',
      define(payloads['panel/similar'], handlers['panel/similar'], healing),
    ),
    'comment/agenda': withFailureLog(
      'comment/agenda',
      define(payloads['comment/agenda'], handlers['comment/agenda'], healing),
    ),
    'comment/postmortem': withFailureLog(
      'comment/postmortem',
      define(payloads['comment/postmortem'], handlers['comment/postmortem'], healing),
    ),
    'users/search': withFailureLog('users/search', define(payloads['users/search'], handlers['users/search'], healing)),
    'settings/load': withFailureLog(
      'settings/load',
      define(payloads['settings/load'], handlers['settings/load'], healing),
    ),
    'settings/save': withFailureLog(
      'settings/save',
      define(payloads['settings/save'], handlers['settings/save'], healing),
    ),
    'report/followup': withFailureLog(
      'report/followup',
      define(payloads['report/followup'], handlers['report/followup'], healing),
    ),
    'panel/followup': withFailureLog(
      'panel/followup',
      define(payloads['panel/followup'], handlers['panel/followup'], healing),
    ),
    'report/headline': withFailureLog(
      'report/headline',
      define(payloads['report/headline'], handlers['report/headline'], healing),
    ),
    'report/details': withFailureLog(
      'report/details',
      define(payloads['report/details'], handlers['report/details'], healing),
    ),
  };
}

/** One structured log line for each failure a resolver answers (what the person sees is the Result itself). */
function withFailureLog<T>(name: ResolverName, run: (payload: unknown, ctx: InvocationContext) => Promise<Result<T>>) {
  return async (payload: unknown, ctx: InvocationContext): Promise<Result<T>> => {
    const result = await run(payload, ctx);
    if (!result.ok)
      logFailure(
        { resolver: name, issueKey: ctx.issueKey, projectKey: ctx.projectKey },
        failureCause(result),
        result.error.code,
      );
    return result;
  };
}
