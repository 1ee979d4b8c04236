import { z } from 'zod';
import { doc, paragraph, strong, text } from '../domain/adf';
import { ACTION_LABEL, ACTION_LINK_TYPE, ACTION_PROPERTY, INCIDENT_TYPE } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { moveIssuesToSprint } from '../jira/agile';
import { JiraError } from '../jira/errors';
import { createIssue } from '../jira/issues';
import { createIssueLink, linkOnCreate, outwardLinkedIds } from '../jira/links';
import { SprintFieldValueSchema } from '../jira/schemas';
import { searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { ActionProgress, CreateTicketsAnswer } from '../shared/contract';
import { ActionTicketPropertySchema, type ActionItem } from '../shared/postmortem';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';
import { readStoredPostMortem } from './postmortem-save';
import { dueDateFor, placeOnKanban, resolveBoardTarget, type BoardTarget } from './placement';
import { projectSettings, siteConfig, type ProjectSettings } from './settings';
import { recordTicketKeys } from './ticket-keys';

/** A reservation older than this is presumed abandoned (a resolver runs at most 25 s). */
const LEASE_MS = 30_000;

const SlotSchema = z.object({
  state: z.enum(['creating', 'uncertain', 'created', 'done']),
  owner: z.string(),
  at: z.number(),
  ticketKey: z.string().optional(),
});
type Slot = z.infer<typeof SlotSchema>;

interface Context {
  jira: JiraTransport;
  kvs: KeyValueStore;
  requestId: string;
  now: number;
  incident: { id: string; key: string; summary: string; projectKey: string; service: string; category: string };
  target: BoardTarget;
  sprintFieldId: string | null;
  settings: ProjectSettings;
  existing: Map<number, { key: string; inSprint: boolean }>;
}

/**
 * Rule 2: each action item becomes a ticket, linked to the incident, in the board's next future sprint.
 * Idempotent and concurrency-safe: every slot is reserved atomically in KVS before anything is created,
 * Jira is searched for tickets an earlier attempt created, and each later step (link, sprint) is repeatable.
 */
export async function createActionTickets(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  requestId: string,
  now: number,
): Promise<CreateTicketsAnswer> {
  const { issue, stored } = await readStoredPostMortem(jira, issueKey);
  if (issue.fields?.issuetype?.name !== INCIDENT_TYPE.name)
    throw new AppFailure('PRECONDITION', `${issueKey} is not an Incident.`);
  const items = stored?.doc.actionItems ?? [];
  if (items.length === 0)
    throw new AppFailure(
      'PRECONDITION',
      'Add action items (at most three) and save the post-mortem before creating tickets.',
    );
  const missing = items.flatMap((a, i) =>
    a.ownerAccountId ? [] : [`Action item ${i + 1} ("${a.action}") needs an owner.`],
  );
  if (missing.length)
    throw new AppFailure('VALIDATION', 'Every action item needs an owner before it becomes a ticket.', missing);

  const projectKey = issue.fields?.project?.key ?? issueKey.split('-')[0] ?? '';
  const [config, settings] = await Promise.all([siteConfig(kvs, jira), projectSettings(kvs, projectKey)]);
  // Scrum: the next sprint; Kanban: the first column after the backlog (src/services/placement.ts).
  const target = await resolveBoardTarget(jira, projectKey, settings);
  // Search lags writes: the tickets linked to the incident (read consistently with it) are reconciled, so a ticket
  // whose create answer was lost a moment ago is found, never created twice.
  const found = await searchAll(jira, jql.actionTicketsOf(projectKey, issueKey), {
    fields: ['status', ...(config.sprintFieldId ? [config.sprintFieldId] : [])],
    properties: [ACTION_PROPERTY],
    maxResults: 50,
    reconcileIssues: outwardLinkedIds(issue.fields, ACTION_LINK_TYPE.name),
  });
  const existing = new Map<number, { key: string; inSprint: boolean }>();
  for (const t of found) {
    const prop = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
    const sprints = config.sprintFieldId ? SprintFieldValueSchema.safeParse(t.fields?.[config.sprintFieldId]) : null;
    if (prop.success)
      existing.set(prop.data.slot, {
        key: t.key,
        inSprint: Boolean(sprints?.success && sprints.data?.some((s) => s.state !== 'closed')),
      });
  }
  const ctx: Context = {
    jira,
    kvs,
    requestId,
    now,
    incident: {
      id: issue.id,
      key: issueKey,
      summary: issue.fields?.summary ?? '',
      projectKey,
      service: stored?.service ?? '',
      category: stored?.category ?? '',
    },
    target,
    sprintFieldId: config.sprintFieldId,
    settings,
    existing,
  };

  // One slot after another: Jira limits writes per issue, and the incident is linked to each ticket.
  const progress: ActionProgress[] = [];
  for (const [slot, item] of items.entries()) progress.push(await ensureTicket(ctx, slot, item));
  const keys = new Map(progress.filter((p) => p.ticketKey).map((p) => [p.itemId, p.ticketKey ?? '']));
  if ([...keys].some(([id, key]) => items.find((a) => a.id === id)?.ticketKey !== key))
    await recordTicketKeys(jira, kvs, issueKey, keys, now);
  return {
    items: progress,
    sprint: target.kind === 'sprint' ? { id: target.sprint.id, name: target.sprint.name } : null,
    board:
      target.kind === 'kanban'
        ? { id: target.board.id, name: target.board.name, column: target.column.name }
        : { id: target.board.id, name: target.board.name, column: null },
  };
}

async function ensureTicket(ctx: Context, slot: number, item: ActionItem): Promise<ActionProgress> {
  const slotKey = kvsKeys.actionSlot(ctx.incident.id, slot);
  const base = { itemId: item.id, slot };
  const found = ctx.existing.get(slot);
  const reserved = SlotSchema.safeParse(await ctx.kvs.get(slotKey));
  if (reserved.success && reserved.data.state === 'done' && reserved.data.ticketKey)
    return { ...base, state: 'existing', ticketKey: reserved.data.ticketKey };
  if (found) {
    // An earlier attempt created it (perhaps its answer was lost): complete it, never create another.
    await finish(ctx, found.key, found.inSprint);
    await ctx.kvs.set(slotKey, {
      state: 'done',
      owner: ctx.requestId,
      at: ctx.now,
      ticketKey: found.key,
    } satisfies Slot);
    return { ...base, state: 'existing', ticketKey: found.key };
  }
  const mine: Slot = { state: 'creating', owner: ctx.requestId, at: ctx.now };
  if (!(await ctx.kvs.setIfAbsent(slotKey, mine))) {
    const current = SlotSchema.safeParse(await ctx.kvs.get(slotKey));
    if (!current.success) return { ...base, state: 'in-progress', message: 'Another request is creating this ticket.' };
    const s = current.data;
    if ((s.state === 'created' || s.state === 'done') && s.ticketKey) {
      await finish(ctx, s.ticketKey, false);
      await ctx.kvs.set(slotKey, { ...s, state: 'done' });
      return { ...base, state: 'existing', ticketKey: s.ticketKey };
    }
    const abandoned = s.state === 'uncertain' || ctx.now - s.at > LEASE_MS;
    if (!abandoned && s.owner !== ctx.requestId)
      return { ...base, state: 'in-progress', message: 'Someone else is creating this ticket right now.' };
    // Take over a failed or abandoned attempt: atomically, so only one retry proceeds.
    if (!(await ctx.kvs.setIfAbsent(`${slotKey}:takeover:${s.at}:${s.owner}`, { by: ctx.requestId })))
      return { ...base, state: 'in-progress', message: 'Another retry is creating this ticket.' };
    await ctx.kvs.set(slotKey, mine);
  }

  let created: { key: string; inSprint: boolean };
  try {
    created = await createTicket(ctx, slot, item);
  } catch (e) {
    if (e instanceof JiraError && e.status < 500) {
      await ctx.kvs.delete(slotKey); // Jira refused: nothing exists, the slot is free again
      return { ...base, state: 'failed', message: e.errorMessages[0] ?? Object.values(e.fieldErrors)[0] ?? e.message };
    }
    await ctx.kvs.set(slotKey, { ...mine, state: 'uncertain' } satisfies Slot);
    return {
      ...base,
      state: 'failed',
      message: 'Jira did not confirm the ticket. Click again: the app checks Jira first and never creates a duplicate.',
    };
  }
  await ctx.kvs.set(slotKey, { ...mine, state: 'created', ticketKey: created.key } satisfies Slot);
  try {
    await finish(ctx, created.key, created.inSprint);
  } catch (e) {
    return {
      ...base,
      state: 'failed',
      ticketKey: created.key,
      message: `${created.key} was created but not yet ${e instanceof JiraError && /Link/.test(e.operation) ? 'linked' : 'placed in the sprint'}: click again to finish.`,
    };
  }
  await ctx.kvs.set(slotKey, { ...mine, state: 'done', ticketKey: created.key } satisfies Slot);
  return { ...base, state: 'created', ticketKey: created.key };
}

async function createTicket(ctx: Context, slot: number, item: ActionItem): Promise<{ key: string; inSprint: boolean }> {
  const fields: Record<string, unknown> = {
    project: { key: ctx.incident.projectKey },
    issuetype: { name: ctx.settings.ticketIssueType },
    summary: item.action,
    description: doc(
      paragraph(
        text('Action item from the post-mortem of '),
        strong(ctx.incident.key),
        text(`: ${ctx.incident.summary}`),
      ),
      paragraph(
        text(
          'Post-mortem rule 2: every action item is a ticket in the next sprint, linked to its incident. Its status is reviewed at the start of the next post-mortem.',
        ),
      ),
    ),
    assignee: { accountId: item.ownerAccountId },
    priority: { name: ctx.settings.priorityMap[item.priority] },
    duedate: dueDateFor(item, ctx.settings, ctx.target, ctx.now),
    labels: [ACTION_LABEL],
  };
  const properties = [
    {
      key: ACTION_PROPERTY,
      value: {
        incident: ctx.incident.key,
        slot,
        itemId: item.id,
        priority: item.priority,
        service: ctx.incident.service,
        category: ctx.incident.category,
      },
    },
  ];
  // Linked in the create request itself: if Jira's answer is lost, the incident's links still name the ticket.
  const link = linkOnCreate(ACTION_LINK_TYPE.name, ctx.incident.key);
  if (ctx.sprintFieldId && ctx.target.kind === 'sprint') {
    try {
      return {
        key: (await createIssue(ctx.jira, { ...fields, [ctx.sprintFieldId]: ctx.target.sprint.id }, properties, link))
          .key,
        inSprint: true,
      };
    } catch (e) {
      // The sprint field is not on every create screen: create without it, then move the ticket with the Agile API.
      if (!(e instanceof JiraError && e.status === 400 && ctx.sprintFieldId in e.fieldErrors)) throw e;
    }
  }
  return { key: (await createIssue(ctx.jira, fields, properties, link)).key, inSprint: false };
}

/** Repeatable steps after creation: Jira answers 201 to a duplicate link, and a move to the same sprint is a no-op. */
async function finish(ctx: Context, ticketKey: string, inSprint: boolean) {
  // Jira shows the inwardIssue with the type's outward words: "INC has action item TICKET".
  await createIssueLink(ctx.jira, {
    typeName: ACTION_LINK_TYPE.name,
    inwardKey: ctx.incident.key,
    outwardKey: ticketKey,
  });
  if (ctx.target.kind === 'kanban') await placeOnKanban(ctx.jira, ctx.target, ticketKey);
  else if (!inSprint) await moveIssuesToSprint(ctx.jira, ctx.target.sprint.id, [ticketKey]);
}
