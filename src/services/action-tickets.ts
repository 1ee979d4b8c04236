import { ACTION_LINK_TYPE, ACTION_PROPERTY, INCIDENT_TYPE } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { getProjectBoards } from '../jira/boards';
import { getIssue } from '../jira/issues';
import { outwardLinkedIds } from '../jira/links';
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
import { resolveBoardTarget } from './placement';
import { LEASE_MS } from './postmortem-write';
import { projectSettings, siteConfig } from './settings';
import { createTickets, finishTickets, type Found, type TicketTarget } from './ticket-create';
import { recordTicketKeys } from './ticket-keys';

interface Context extends TicketTarget {
  kvs: KeyValueStore;
  requestId: string;
  incident: TicketTarget['incident'] & { id: string };
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
 * Cost: the incident and the project's boards, then the next sprint and the incident's tickets, then one bulk
 * create of every ticket (link, sprint and property set in it), then the keys on the post-mortem: 6 calls in
 * 4 rounds, however many items.
 */
export async function createActionTickets(
  jira: JiraTransport,
  kvs: KeyValueStore,
  issueKey: string,
  requestId: string,
  now: number,
  projectHint?: string,
): Promise<CreateTicketsAnswer> {
  // The project comes from Forge's context, so its boards are asked for with the incident; if the incident
  // turns out to live elsewhere (moved), they are asked for again for the right project.
  const assumed = projectHint ?? issueKey.split('-')[0] ?? '';
  const [read, early] = await Promise.all([
    readStoredPostMortem(jira, issueKey, ['issuelinks']),
    getProjectBoards(jira, assumed).then(
      (v) => v,
      () => undefined,
    ),
  ]);
  const { issue, stored } = read;
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
    resolveBoardTarget(jira, projectKey, settings, projectKey === assumed ? early : undefined),
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

  const progress = new Map<number, ActionProgress>();
  let queue = [...items.entries()];
  for (;;) {
    // Each item is reserved (or found done) first; the reserved ones are then created together.
    const batch: Reserved[] = [];
    const denied: [number, ActionItem][] = [];
    for (const [slot, item] of queue) {
      const has = item.ticketKey || ctx.existing.has(item.id) || slots.get(item.id)?.ticketKey;
      if (!has && room <= 0) {
        denied.push([slot, item]);
        continue;
      }
      const p = await reserve(ctx, slot, item);
      if ('state' in p) progress.set(slot, p);
      else {
        batch.push(p);
        if (!has) room--;
      }
    }
    for (const p of await createReserved(ctx, batch)) {
      progress.set(p.slot, p);
      const had = items[p.slot]?.ticketKey || slots.get(p.itemId)?.ticketKey;
      if (p.state !== 'created' && !had) room++;
    }
    // Room freed by a refused create goes to an item the cap held back (as when they were made one by one).
    if (denied.length === 0 || room <= 0 || batch.length === 0) {
      for (const [slot, item] of denied)
        progress.set(slot, {
          itemId: item.id,
          slot,
          state: 'failed',
          message: `Rule 1: this incident already has ${MAX_ACTION_ITEMS} action tickets (some for items since removed), so no ticket was created for this item.`,
        });
      break;
    }
    queue = denied;
  }
  const done = [...progress.values()].sort((a, b) => a.slot - b.slot);
  const keys = new Map(done.filter((p) => p.ticketKey).map((p) => [p.itemId, p.ticketKey ?? '']));
  let warning: string | null = null;
  if ([...keys].some(([id, key]) => items.find((a) => a.id === id)?.ticketKey !== key))
    warning = await recordTicketKeys(jira, kvs, issueKey, keys, now, read);
  return {
    items: done,
    sprint: target.kind === 'sprint' ? { id: target.sprint.id, name: target.sprint.name } : null,
    board:
      target.kind === 'kanban'
        ? { id: target.board.id, name: target.board.name, column: target.column.name }
        : { id: target.board.id, name: target.board.name, column: null },
    ...(warning ? { warning } : {}),
  };
}

/** An item whose ticket this request reserved and will create. */
interface Reserved {
  slot: number;
  item: ActionItem;
  slotKey: string;
  mine: Slot;
}

/** Completes a ticket found in Jira (link, sprint) and records it as done. */
async function adopt(
  ctx: Context,
  slotKey: string,
  base: { itemId: string; slot: number },
  found: Found,
  state: 'existing' | 'created' = 'existing',
): Promise<ActionProgress> {
  const missing = (await finishTickets(ctx, [found])).get(found.key);
  if (missing) return { ...base, state: 'failed', ticketKey: found.key, message: notFinished(found.key, missing) };
  await ctx.kvs.set(slotKey, { state: 'done', owner: ctx.requestId, at: ctx.now, ticketKey: found.key } satisfies Slot);
  return { ...base, state, ticketKey: found.key };
}

const notFinished = (key: string, what: string) => `${key} was created but not yet ${what}: click again to finish.`;

/**
 * Reserves the item's ticket for this request, or answers what is already known: a ticket done or found in Jira,
 * another request creating it, or a reservation left uncertain that asking Jira again settles.
 */
async function reserve(ctx: Context, slot: number, item: ActionItem): Promise<ActionProgress | Reserved> {
  const slotKey = kvsKeys.actionSlot(ctx.incident.id, item.id);
  const base = { itemId: item.id, slot };
  const reserved = SlotSchema.safeParse(await ctx.kvs.get(slotKey));
  if (reserved.success && reserved.data.state === 'done' && reserved.data.ticketKey)
    return { ...base, state: 'existing', ticketKey: reserved.data.ticketKey };
  // An earlier attempt created it (perhaps its answer was lost): complete it, never create another.
  const found = ctx.existing.get(item.id);
  if (found) return adopt(ctx, slotKey, base, found);
  const mine: Slot = { state: 'creating', owner: ctx.requestId, at: ctx.now };
  if (!(await ctx.kvs.setIfAbsent(slotKey, mine))) {
    const current = SlotSchema.safeParse(await ctx.kvs.get(slotKey));
    if (!current.success) return { ...base, state: 'in-progress', message: 'Another request is creating this ticket.' };
    const s = current.data;
    if ((s.state === 'created' || s.state === 'done') && s.ticketKey)
      return adopt(ctx, slotKey, base, { key: s.ticketKey, inSprint: false, linked: false });
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
    if (again) return adopt(ctx, slotKey, base, again);
    // Take over atomically, so only one retry proceeds.
    if (!(await ctx.kvs.setIfAbsent(`${slotKey}:takeover:${s.at}:${s.owner}`, { by: ctx.requestId })))
      return { ...base, state: 'in-progress', message: 'Another retry is creating this ticket.' };
    await ctx.kvs.set(slotKey, mine);
  }
  return { slot, item, slotKey, mine };
}

/**
 * Creates the reserved tickets in one request and settles each reservation: created (then finished and done),
 * refused by Jira (freed: nothing exists), or unknown (left uncertain, and Jira is asked once at once).
 */
async function createReserved(ctx: Context, batch: Reserved[]): Promise<ActionProgress[]> {
  if (batch.length === 0) return [];
  const outcomes = await createTickets(ctx, batch);
  const out: ActionProgress[] = [];
  const created: { r: Reserved; found: Found }[] = [];
  const unknown: { r: Reserved; noAnswer: boolean }[] = [];
  await Promise.all(
    batch.map(async (r, i) => {
      const o = outcomes[i] ?? { kind: 'unknown', noAnswer: false };
      const base = { itemId: r.item.id, slot: r.slot };
      if (o.kind === 'refused') {
        await ctx.kvs.delete(r.slotKey); // Jira refused: nothing exists, the slot is free again
        out.push({ ...base, state: 'failed', message: o.message });
      } else if (o.kind === 'created') {
        await ctx.kvs.set(r.slotKey, { ...r.mine, state: 'created', ticketKey: o.found.key } satisfies Slot);
        created.push({ r, found: o.found });
      } else {
        const noAnswer = o.noAnswer;
        await ctx.kvs.set(r.slotKey, {
          ...r.mine,
          state: 'uncertain',
          ...(noAnswer ? { noAnswer } : {}),
        } satisfies Slot);
        unknown.push({ r, noAnswer });
      }
    }),
  );
  if (unknown.length) {
    // The answer was lost, not necessarily the tickets: ask Jira once before telling the person anything.
    const landed = await askJiraAgain(ctx).then(
      (m) => m,
      () => new Map<string, Found>(),
    );
    for (const { r, noAnswer } of unknown) {
      const found = landed.get(r.item.id);
      const base = { itemId: r.item.id, slot: r.slot };
      if (found) out.push(await adopt(ctx, r.slotKey, base, found, 'created'));
      else
        out.push({
          ...base,
          state: 'failed',
          message: noAnswer
            ? 'Jira did not answer, so it is not known whether this ticket was created. Click again in a minute: the app checks Jira first and never creates a duplicate.'
            : 'Jira did not create this ticket. Click again: the app checks Jira first and never creates a duplicate.',
        });
    }
  }
  const missing = await finishTickets(
    ctx,
    created.map((c) => c.found),
  );
  await Promise.all(
    created.map(async ({ r, found }) => {
      const base = { itemId: r.item.id, slot: r.slot, ticketKey: found.key };
      const what = missing.get(found.key);
      if (what) return out.push({ ...base, state: 'failed', message: notFinished(found.key, what) });
      await ctx.kvs.set(r.slotKey, { ...r.mine, state: 'done', ticketKey: found.key } satisfies Slot);
      return out.push({ ...base, state: 'created' });
    }),
  );
  return out;
}
