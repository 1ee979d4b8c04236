import { buildResolvers } from '../../src/resolvers/definitions';
import type { Platform } from '../../src/services/context';
import { emptyPostMortem, type PostMortem } from '../../src/shared/postmortem';
import { jiraTime } from '../emulator/state/model';
import type { JiraStore } from '../emulator/state/store';
import { KANBAN_PROJECT } from './followup';

const DAY = 86_400_000;

/** A published post-mortem for the Kanban team (payments), with `actions` owned action items. */
function paymentsPostMortem(
  symptom: string,
  rootCause: string,
  actions: string[],
  repeatOf: string | null,
): PostMortem {
  const doc = emptyPostMortem();
  doc.status = 'published';
  doc.title = { service: 'payments-api', symptom, date: null };
  doc.service = 'payments-api';
  doc.category = 'Dependency failure';
  doc.rootCause = rootCause;
  doc.contributingFactors = {
    possible: 'The acquirer changed its timeout without notice',
    detection: 'Only card declines were alerted on, not slow authorisations',
    resolution: 'Failover to the second acquirer is manual',
  };
  doc.repeatOf = repeatOf;
  doc.actionItems = actions.map((action, i) => ({
    id: `k${i + 1}`,
    action,
    ownerAccountId: ['acc-bob', 'acc-carol', 'acc-alice'][i] ?? 'acc-bob',
    priority: (['P1', 'P2', 'P3'] as const)[i] ?? 'P3',
    dueDate: null,
    ticketKey: null,
  }));
  return doc;
}

/**
 * The follow-up cases of the demo, made through the app itself (as Alice, the project admin) in the Kanban project:
 * an incident whose actions were all done and that recurred anyway ("fixed but recurred"), one repeated while its
 * action was still open (late follow-up), one that held, and one with an overdue action (a reminder is due).
 * Returns the incident keys by case.
 */
export async function addFollowUpCases(platform: Platform, store: JiraStore, now: number) {
  const r = buildResolvers(platform);
  const ctx = (issueKey?: string) => ({ accountId: 'acc-alice', projectKey: KANBAN_PROJECT.key, issueKey });
  const must = <T>(res: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
    if (!res.ok) throw new Error(`demo follow-up case: ${res.error.message}`);
    return res.data;
  };
  // Incidents happened `daysAgo` days ago and their tickets a day later, so a repeat judged at its own time sees
  // which earlier actions were open then.
  async function incident(summary: string, doc: PostMortem, daysAgo = 60): Promise<string> {
    const key = createIncident(store, summary, now, daysAgo);
    const withDue = {
      ...doc,
      actionItems: doc.actionItems.map((a) => ({ ...a, dueDate: a.dueDate ?? isoDay(now + 14 * DAY) })),
    };
    must(await r['panel/save']({ doc: withDue, baseVersion: 0, syncSummary: false, summaryLoaded: '' }, ctx(key)));
    if (doc.actionItems.length) must(await r['actions/create']({ requestId: `demo-followup-${key}` }, ctx(key)));
    setActions(store, key, (t) => {
      t.created = jiraTime(now - (daysAgo - 1) * DAY);
    });
    return key;
  }
  const finish = (incidentKey: string, daysAgo: number) =>
    setActions(store, incidentKey, (t) => {
      t.statusId = '10003';
      t.resolutiondate = jiraTime(now - daysAgo * DAY);
    });

  const fixed = await incident(
    'Card authorisations time out at the acquirer',
    paymentsPostMortem(
      'card authorisations time out',
      'The acquirer lowered its connection timeout; our client kept 30 s.',
      ['Align the acquirer client timeout with the contract', 'Alert on p99 authorisation latency'],
      null,
    ),
  );
  finish(fixed, 45);
  const held = await incident(
    'Settlement file arrives late',
    paymentsPostMortem(
      'settlement file late',
      'The nightly export job ran on a node that was being drained.',
      ['Pin the export job to a stable node pool'],
      null,
    ),
  );
  finish(held, 40);
  const late = await incident(
    'Refund queue stuck behind a poison message',
    paymentsPostMortem(
      'refund queue stuck',
      'One malformed refund blocked the queue consumer, which retried it forever.',
      ['Dead-letter messages after five failed attempts'],
      null,
    ),
  );
  const overdue = await incident(
    '3-D Secure challenges fail for one issuer',
    paymentsPostMortem(
      '3-D Secure challenges fail',
      'The issuer rotated its certificate; our trust store was pinned.',
      ['Stop pinning issuer certificates'],
      null,
    ),
  );
  setActions(store, overdue, (t) => {
    t.duedate = isoDay(now - 9 * DAY); // overdue: the next reminder run comments on it
  });
  const again = await incident(
    'Card authorisations time out again',
    paymentsPostMortem(
      'card authorisations time out',
      'The acquirer lowered its timeout again, for a second endpoint.',
      [],
      fixed,
    ),
    20,
  );
  const lateAgain = await incident(
    'Refund queue stuck again',
    paymentsPostMortem('refund queue stuck', 'Another malformed refund blocked the consumer.', [], late),
    20,
  );
  return { fixed, held, late, overdue, again, lateAgain };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function createIncident(store: JiraStore, summary: string, now: number, daysAgo: number): string {
  const type = [...store.issueTypes.values()].find((t) => t.name === 'Incident');
  const id = store.nextId('issue', 10000);
  const key = `${KANBAN_PROJECT.key}-${store.nextId(`issue-seq:${KANBAN_PROJECT.id}`, 1)}`;
  store.putIssue({
    id,
    key,
    projectId: KANBAN_PROJECT.id,
    issueTypeId: type?.id ?? '10050',
    summary,
    description: null,
    statusId: '10003',
    priorityId: '2',
    assigneeId: 'acc-alice',
    reporterId: 'acc-alice',
    labels: ['incident'],
    created: jiraTime(now - daysAgo * DAY),
    updated: jiraTime(now - daysAgo * DAY),
    resolutiondate: jiraTime(now - daysAgo * DAY),
    duedate: null,
    sprintIds: [],
    properties: {},
    comments: [],
    changelog: [],
  });
  return key;
}

function setActions(store: JiraStore, incidentKey: string, change: (t: Parameters<JiraStore['putIssue']>[0]) => void) {
  for (const t of store.issues.values()) {
    if ((t.properties.postmortemAction as { incident?: string } | undefined)?.incident !== incidentKey) continue;
    change(t);
    store.putIssue(t);
  }
}
