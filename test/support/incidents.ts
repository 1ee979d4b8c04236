import { raw, type TestJira } from './jira';
import { emptyPostMortem, type PostMortem } from '../../src/shared/postmortem';

/** A new Incident in OPS with no post-mortem yet, created as Alice. */
export async function newIncident(jira: TestJira, summary = 'Checkout errors after deploy'): Promise<string> {
  const r = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
    as: 'acc-alice',
    body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Incident' }, summary } },
  });
  if (r.status !== 201) throw new Error(`could not create incident: ${JSON.stringify(r.json)}`);
  return (r.json as { key: string }).key;
}

/** A complete post-mortem with `n` owned action items. */
export function filledPostMortem(n = 3): PostMortem {
  const doc = emptyPostMortem();
  doc.title = { service: 'checkout', symptom: '5xx errors after deploy', date: '2026-11-20' };
  doc.service = 'checkout';
  doc.category = 'Deploy / config change';
  doc.impact = {
    durationMinutesOverride: null,
    usersAffected: 1200,
    revenue: { amount: 4500, currency: 'USD' },
    sloBudgetPct: 18,
  };
  doc.timeline = {
    alertAt: '2026-11-20T14:02Z',
    acknowledgedAt: '2026-11-20T14:09Z',
    rootCauseAt: '2026-11-20T14:40Z',
    fixDeployedAt: '2026-11-20T15:05Z',
    recoveredAt: '2026-11-20T15:12Z',
    allClearAt: '2026-11-20T15:45Z',
    extra: [],
  };
  doc.rootCause =
    'A config change shipped without a canary and disabled the connection pool limits. Checkout exhausted database connections.';
  doc.contributingFactors = {
    possible: 'No canary stage for config changes',
    detection: 'Pool saturation alert missing',
    resolution: 'Rollback required manual approval',
  };
  doc.wentWell = ['Fast escalation'];
  doc.wentWrong = ['Alert fired late'];
  doc.lessons = 'Config is code: it needs the same canary as code.';
  const owners = ['acc-bob', 'acc-carol', 'acc-alice'];
  doc.actionItems = Array.from({ length: n }, (_, i) => ({
    id: `a${i + 1}`,
    action:
      ['Add canary deploys for config changes', 'Alert on connection pool saturation', 'Automate one-click rollback'][
        i
      ] ?? `Action ${i + 1}`,
    ownerAccountId: owners[i] ?? 'acc-bob',
    priority: (['P1', 'P2', 'P3'] as const)[i] ?? 'P3',
    dueDate: null,
    ticketKey: null,
  }));
  return doc;
}
