import { z } from 'zod';
import { holdFigures } from '../../src/domain/hold';
import { ACTION_PROPERTY, INDEX_PROPERTY } from '../../src/domain/jira-names';
import { jql } from '../../src/domain/jql';
import { searchAll } from '../../src/jira/search';
import { followUpReport } from '../../src/services/follow-up-report';
import { keepFollowUpLedgers } from '../../src/services/follow-up-ledger-job';
import { timeBudget } from '../../src/services/job-budget';
import type { Platform } from '../../src/services/context';
import type { FollowUpReport } from '../../src/shared/follow-up';
import { measured, type Cost } from './emulator-process';

type Emu = { reset(): Promise<unknown>; cost(): Promise<Cost> };
/** Above this size the bench does not pay for the full read that checks the warm view's figures. */
const CHECK_UP_TO = 10_000;
const Loose = z.record(z.string(), z.unknown());

type Card = Pick<FollowUpReport, 'held'> & {
  fixedButRecurred: Pick<FollowUpReport['fixedButRecurred'], 'cases'>;
  lateFollowUp: Pick<FollowUpReport['lateFollowUp'], 'count'>;
};
const card = (r: Card) => JSON.stringify([r.fixedButRecurred.cases, r.lateFollowUp.count, r.held]);

/**
 * The follow-up card ("did the action hold?", `report/followup`): its first view with app storage empty, one run
 * of the ledger job (as the scheduled trigger runs it, as the app), and the view after it. Up to CHECK_UP_TO
 * incidents the warm view's figures are checked against the card's old way: both listings read whole, then
 * src/domain/hold.ts. Answers the costs and the mismatches found.
 */
export async function followUpCosts(platform: Platform, emu: Emu, accountId: string, now: number, incidents: number) {
  const view = () => followUpReport(platform.asUser(accountId), platform.kvs, 'OPS', now);
  const cold = await measured(emu, view);
  const job = await measured(emu, () =>
    keepFollowUpLedgers(
      platform.asApp(),
      platform.kvs,
      platform.now,
      timeBudget(() => Date.now(), 270_000),
    ),
  );
  const warm = await measured(emu, view);
  const mismatches: string[] = [];
  if (warm.value.status.kind !== 'ledger') mismatches.push(`followUp: the warm view is ${warm.value.status.kind}`);
  if (incidents <= CHECK_UP_TO) {
    const expected = await fullRead(platform, accountId, now);
    if (card(warm.value) !== card(expected)) mismatches.push('followUp: the warm view differs from a full read');
  }
  const row = (m: { cost: Cost; wallMs: number }) => ({
    calls: m.cost.calls,
    points: m.cost.points,
    rounds: m.cost.rounds,
    wallMs: m.wallMs,
  });
  return {
    followUp: {
      warm: row(warm),
      cold: { ...row(cold), status: cold.value.status.kind },
      ledgerJob: { calls: job.cost.calls, points: job.cost.points, wallMs: job.wallMs },
    },
    mismatches,
  };
}

/** The card as it was computed before the ledger: every published post-mortem and every action ticket. */
async function fullRead(platform: Platform, accountId: string, now: number): Promise<Card> {
  const jira = platform.asUser(accountId);
  const [incidents, tickets] = await Promise.all([
    searchAll(jira, jql.publishedPostmortems('OPS'), { properties: [INDEX_PROPERTY], maxResults: 5000 }),
    searchAll(jira, jql.actionTickets('OPS'), {
      fields: ['status', 'resolutiondate'],
      properties: [ACTION_PROPERTY],
      maxResults: 5000,
    }),
  ]);
  const index = (v: unknown) => Loose.safeParse(v).data ?? {};
  const f = holdFigures(
    incidents.map((i) => {
      const x = index(i.properties?.[INDEX_PROPERTY]);
      return {
        key: i.key,
        repeatOf: typeof x.repeatOf === 'string' ? x.repeatOf : null,
        repeatWhileOpen: x.repeatWhileOpen === 1 ? (1 as const) : (0 as const),
      };
    }),
    tickets.flatMap((t) => {
      const incident = index(t.properties?.[ACTION_PROPERTY]).incident;
      const done = t.fields?.status?.statusCategory.key === 'done';
      return typeof incident === 'string'
        ? [{ incident, done, resolved: done ? (t.fields?.resolutiondate ?? null) : null }]
        : [];
    }),
    now,
    30,
  );
  return {
    fixedButRecurred: { cases: f.fixedButRecurred },
    lateFollowUp: { count: f.lateFollowUp },
    held: { count: f.held.length, tested: f.tested, rate: f.heldRate },
  };
}
