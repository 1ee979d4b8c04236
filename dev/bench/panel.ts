import { INCIDENT_TYPE } from '../../src/domain/jira-names';
import { createIssue } from '../../src/jira/issues';
import { buildResolvers } from '../../src/resolvers/definitions';
import type { Platform } from '../../src/services/context';
import { emptyPostMortem } from '../../src/shared/postmortem';
import type { Result } from '../../src/shared/result';
import { measured, type Cost } from './emulator-process';

type Emu = { reset(): Promise<unknown>; cost(): Promise<Cost> };

const ok = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what} failed: ${r.error.code} ${r.error.message}`);
  return r.data;
};

/**
 * The panel's costs on a brand-new incident, through the resolvers the UI calls: opening it, saving a
 * post-mortem with three action items, and creating their three tickets.
 */
export async function panelCosts(platform: Platform, emu: Emu, accountId: string) {
  const { key: issueKey } = await createIssue(platform.asUser(accountId), {
    project: { key: 'OPS' },
    issuetype: { name: INCIDENT_TYPE.name },
    summary: 'Incident: checkout timeouts under peak load on 2026-11-26',
  });
  const r = buildResolvers(platform);
  // As Forge's issue panel context gives it: the issue and its project.
  const ctx = { accountId, issueKey, projectKey: 'OPS' };
  const open = await measured(emu, async () => ok(await r['panel/load']({}, ctx), 'panel/load'));
  const doc = {
    ...emptyPostMortem(),
    service: 'checkout',
    category: 'Capacity / saturation',
    actionItems: (['P1', 'P2', 'P3'] as const).map((priority, i) => ({
      id: `bench-${i + 1}`,
      action: `Bench action ${i + 1}`,
      ownerAccountId: accountId,
      priority,
      dueDate: null,
      ticketKey: null,
    })),
  };
  const save = await measured(emu, async () =>
    ok(
      await r['panel/save'](
        {
          doc,
          baseVersion: open.value.postmortem?.version ?? 0,
          syncSummary: false,
          summaryLoaded: open.value.issue.summary,
        },
        ctx,
      ),
      'panel/save',
    ),
  );
  const create = await measured(emu, async () =>
    ok(await r['actions/create']({ requestId: 'bench-create-tickets' }, ctx), 'actions/create'),
  );
  return {
    openCalls: open.cost.calls,
    openRounds: open.cost.rounds,
    openPoints: open.cost.points,
    saveCalls: save.cost.calls,
    createTicketsCalls: create.cost.calls,
    createTicketsRounds: create.cost.rounds,
  };
}
