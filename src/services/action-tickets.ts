import { doc, paragraph, strong, text } from '../domain/adf';
import { ACTION_LABEL, ACTION_LINK_TYPE, ACTION_PROPERTY, INCIDENT_TYPE } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { moveIssuesToSprint } from '../jira/agile';
import { JiraError } from '../jira/errors';
import { createIssue, getIssue } from '../jira/issues';
import { createIssueLink, linkOnCreate, outwardLinkedIds } from '../jira/links';
import type { Issue } from '../jira/schemas';
import { SprintFieldValueSchema } from '../jira/schemas';
import { searchAll } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import type { ActionProgress, CreateTicketsAnswer } from '../shared/contract';
import { ActionTicketPropertySchema, MAX_ACTION_ITEMS, type ActionItem } from '../shared/postmortem';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { readSlots, SlotSchema, type Slot } from './action-slots';
import { AppFailure } from './failure';
import { readStoredPostMortem } from './postmortem-save';
import { dueDateFor, placeOnKanban, resolveBoardTarget, type BoardTarget } from './placement';
import { LEASE_MS } from './postmortem-write';
import { projectSettings, siteConfig, type ProjectSettings } from './settings';
import { recordTicketKeys } from './ticket-keys';

interface Found {
  key: string;
  inSprint: boolean;
  linked: boolean;
}
interface Context {
  jira: JiraTransport;
  kvs: KeyValueStore;
  requestId: string;
  now: number;
  incident: { id: string; key: string; summary: string; projectKey: string; service: string; category: string };
  target: BoardTarget;
  sprintFieldId: string | null;
  settings: ProjectSettings;
  /** This incident's action tickets in Jira, by action item id. */
  existing: Map<string, Found>;
}

/**
 * The incident's action tickets, by item id. Search is eventually consistent, so the tickets linked to the
 * incident are named in reconcileIssues: a ticket created a moment ago (even by a create whose answer was
 * lost: the link is made in the same request) is found.
 */
async function ticketsInJira(
  jira: JiraTransport,
  projectKey: string,
  incident: Issue,
  sprintFieldId: string | null,
): Promise<Map<string, Found>> {
  const linked = outwardLinkedIds(incident.fields, ACTION_LINK_TYPE.name);
  const found = await searchAll(jira, jql.actionTicketsOf(projectKey, incident.key), {
    fields: ['status', ...(sprintFieldId ? [sprintFieldId] : [])],
    properties: [ACTION_PROPERTY],
    maxResults: 50,
    reconcileIssues: linked,
  });
  const out = new Map<string, Found>();
  for (const t of [...found].sort((a, b) => Number(a.id) - Number(b.id))) {
    const prop = ActionTicketPropertySchema.safeParse(t.properties?.[ACTION_PROPERTY]);
    const sprints = sprintFieldId ? SprintFieldValueSchema.safeParse(t.fields?.[sprintFieldId]) : null;
    if (prop.success && prop.data.incident === incident.key && !out.has(prop.data.itemId))
      out.set(prop.data.itemId, {
        key: t.key,
        inSprint: Boolean(sprints?.success && sprints.data?.some((s) => s.state !== 'closed')),
        linked: linked.includes(Number(t.id)),
      });
  }
  return out;
}

/** Asks Jira again (the incident's links, then a reconciled search): used only when a slot is uncertain. */
async function askJiraAgain(ctx: Context): Promise<Map<string, Found>> {
  const incident = await getIssue(ctx.jira, ctx.incident.key, { fields: ['issuelinks'] });
  ctx.existing = await ticketsInJira(ctx.jira, ctx.incident.projectKey, incident, ctx.sprintFieldId);
  return ctx.existing;
}

/**
 * Rule 2: each action item becomes a ticket, linked to the incident, in the board's next future sprint.
 * Idempotent and concurrency-safe: each item's ticket is reserved in KVS (keyed by the item's id) before it
 * is created; a reservation left uncertain (a lost answer) or stale is taken over only after asking Jira
 * again; the link is made in the create request itself, so a ticket never exists unlinked and unfindable.
 */
export async function createActionTickets(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  requestId: string,
  now: number,
): Promise<CreateTicketsAnswer> {
  const { issue, stored } = await readStoredPostMortem(jira, issueKey, ['issuelinks']);
  if (issue.fields?.issuetype?.name !== INCIDENT_TYPE.name)
    throw new AppFailure('PRECONDITION', `${issueKey} is not an Incident.`, undefined, undefined, 'not-saved');
  const items = stored?.doc.actionItems ?? [];
  if (items.length === 0)
    throw new AppFailure(
      'PRECONDITION',
      'Add action items (at most three) and save the post-mortem before creating tickets.',
      undefined,
      undefined,
      'not-saved',
    );
  const missing = items.flatMap((a, i) =>
    a.ownerAccountId ? [] : [`Action item ${i + 1} ("${a.action}") needs an owner.`],
  );
  if (missing.length)
    throw new AppFailure(
      'VALIDATION',
      'Every action item needs an owner before it becomes a ticket. No ticket was created.',
      missing,
      undefined,
      'not-saved',
    );

  const projectKey = issue.fields?.project?.key ?? issueKey.split('-')[0] ?? '';
  const [config, settings, slots] = await Promise.all([
    siteConfig(kvs, jira),
    projectSettings(kvs, projectKey),
    readSlots(kvs, issue.id),
  ]);
  // Scrum: the next sprint; Kanban: the first column after the backlog (src/services/placement.ts).
  const [target, existing] = await Promise.all([
    resolveBoardTarget(jira, projectKey, settings),
    ticketsInJira(jira, projectKey, issue, config.sprintFieldId),
  ]);
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

  // Rule 1 holds for tickets too: tickets (or uncertain creates) of items since removed use up the cap.
  const ids = new Set(items.map((a) => a.id));
  const elsewhere = new Set([
    ...[...existing.keys()].filter((id) => !ids.has(id)),
    ...[...slots].filter(([id, s]) => !ids.has(id) && s.state !== 'creating').map(([id]) => id),
  ]);
  let room = MAX_ACTION_ITEMS - elsewhere.size - items.filter((a) => a.ticketKey || existing.has(a.id)).length;

  // One item after another: Jira limits writes per issue, and the incident is linked to each ticket.
  const progress: ActionProgress[] = [];
  for (const [slot, item] of items.entries()) {
    const has = item.ticketKey || ctx.existing.has(item.id) || slots.get(item.id)?.ticketKey;
    if (!has && room <= 0) {
      progress.push({
        itemId: item.id,
        slot,
        state: 'failed',
        message: `Rule 1: this incident already has ${MAX_ACTION_ITEMS} action tickets (some for items since removed), so no ticket was created for this item.`,
      });
      continue;
    }
    const p = await ensureTicket(ctx, slot, item);
    if (!has && p.state === 'created') room--;
    progress.push(p);
  }
  const keys = new Map(progress.filter((p) => p.ticketKey).map((p) => [p.itemId, p.ticketKey ?? '']));
  let warning: string | null = null;
  if ([...keys].some(([id, key]) => items.find((a) => a.id === id)?.ticketKey !== key))
    warning = await recordTicketKeys(jira, kvs, issueKey, keys, now);
  return {
    items: progress,
    sprint: target.kind === 'sprint' ? { id: target.sprint.id, name: target.sprint.name } : null,
    board:
      target.kind === 'kanban'
        ? { id: target.board.id, name: target.board.name, column: target.column.name }
        : { id: target.board.id, name: target.board.name, column: null },
    ...(warning ? { warning } : {}),
  };
}

async function ensureTicket(ctx: Context, slot: number, item: ActionItem): Promise<ActionProgress> {
  const slotKey = kvsKeys.actionSlot(ctx.incident.id, item.id);
  const base = { itemId: item.id, slot };
  const adopt = async (found: Found, state: 'existing' | 'created' = 'existing'): Promise<ActionProgress> => {
    await finish(ctx, found);
    await ctx.kvs.set(slotKey, {
      state: 'done',
      owner: ctx.requestId,
      at: ctx.now,
      ticketKey: found.key,
    } satisfies Slot);
    return { ...base, state, ticketKey: found.key };
  };
  const reserved = SlotSchema.safeParse(await ctx.kvs.get(slotKey));
  if (reserved.success && reserved.data.state === 'done' && reserved.data.ticketKey)
    return { ...base, state: 'existing', ticketKey: reserved.data.ticketKey };
  // An earlier attempt created it (perhaps its answer was lost): complete it, never create another.
  const found = ctx.existing.get(item.id);
  if (found) return adopt(found);
  const mine: Slot = { state: 'creating', owner: ctx.requestId, at: ctx.now };
  if (!(await ctx.kvs.setIfAbsent(slotKey, mine))) {
    const current = SlotSchema.safeParse(await ctx.kvs.get(slotKey));
    if (!current.success) return { ...base, state: 'in-progress', message: 'Another request is creating this ticket.' };
    const s = current.data;
    if ((s.state === 'created' || s.state === 'done') && s.ticketKey)
      return adopt({ key: s.ticketKey, inSprint: false, linked: false });
    const live = ctx.now - s.at <= LEASE_MS;
    if (live && s.state === 'creating' && s.owner !== ctx.requestId)
      return { ...base, state: 'in-progress', message: 'Someone else is creating this ticket right now.' };
    if (live && s.state === 'uncertain' && s.noAnswer)
      return {
        ...base,
        state: 'in-progress',
        message:
          'A moment ago Jira did not answer a create for this item, so the ticket may still appear. Try again in a minute: the app checks Jira first and never creates a duplicate.',
      };
    // Uncertain (Jira answered with an error) or abandoned: ask Jira again before anything is created.
    const again = (await askJiraAgain(ctx)).get(item.id);
    if (again) return adopt(again);
    // Take over atomically, so only one retry proceeds.
    if (!(await ctx.kvs.setIfAbsent(`${slotKey}:takeover:${s.at}:${s.owner}`, { by: ctx.requestId })))
      return { ...base, state: 'in-progress', message: 'Another retry is creating this ticket.' };
    await ctx.kvs.set(slotKey, mine);
  }

  let created: Found;
  try {
    created = await createTicket(ctx, slot, item);
  } catch (e) {
    if (e instanceof JiraError && e.status < 500) {
      await ctx.kvs.delete(slotKey); // Jira refused: nothing exists, the slot is free again
      return { ...base, state: 'failed', message: e.errorMessages[0] ?? Object.values(e.fieldErrors)[0] ?? e.message };
    }
    const noAnswer = !(e instanceof JiraError);
    await ctx.kvs.set(slotKey, { ...mine, state: 'uncertain', ...(noAnswer ? { noAnswer } : {}) } satisfies Slot);
    // The answer was lost, not necessarily the ticket: ask Jira once before telling the person anything.
    const landed = await askJiraAgain(ctx).then(
      (m) => m.get(item.id),
      () => undefined,
    );
    if (landed) return adopt(landed, 'created');
    return {
      ...base,
      state: 'failed',
      message: noAnswer
        ? 'Jira did not answer, so it is not known whether this ticket was created. Click again in a minute: the app checks Jira first and never creates a duplicate.'
        : 'Jira did not create this ticket. Click again: the app checks Jira first and never creates a duplicate.',
    };
  }
  await ctx.kvs.set(slotKey, { ...mine, state: 'created', ticketKey: created.key } satisfies Slot);
  try {
    await finish(ctx, created);
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

async function createTicket(ctx: Context, slot: number, item: ActionItem): Promise<Found> {
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
  // Fields a create screen may lack: the sprint field, the links. Without them, finish() does those steps.
  let sprint = ctx.sprintFieldId !== null && ctx.target.kind === 'sprint';
  let linked = true;
  for (;;) {
    const f =
      sprint && ctx.sprintFieldId && ctx.target.kind === 'sprint'
        ? { ...fields, [ctx.sprintFieldId]: ctx.target.sprint.id }
        : fields;
    try {
      const { key } = await createIssue(ctx.jira, f, properties, linked ? link : undefined);
      return { key, inSprint: sprint, linked };
    } catch (e) {
      if (!(e instanceof JiraError && e.status === 400)) throw e;
      if (sprint && ctx.sprintFieldId && ctx.sprintFieldId in e.fieldErrors) sprint = false;
      else if (linked && 'issuelinks' in e.fieldErrors) linked = false;
      else throw e;
    }
  }
}

/** Repeatable steps after creation: Jira answers 201 to a duplicate link, and a move to the same sprint is a no-op. */
async function finish(ctx: Context, t: Found) {
  // Jira shows the inwardIssue with the type's outward words: "INC has action item TICKET".
  if (!t.linked)
    await createIssueLink(ctx.jira, {
      typeName: ACTION_LINK_TYPE.name,
      inwardKey: ctx.incident.key,
      outwardKey: t.key,
    });
  if (ctx.target.kind === 'kanban') await placeOnKanban(ctx.jira, ctx.target, t.key);
  else if (!t.inSprint) await moveIssuesToSprint(ctx.jira, ctx.target.sprint.id, [t.key]);
}
