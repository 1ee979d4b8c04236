import { z } from 'zod';
import { ACTION_PROPERTY } from '../domain/jira-names';
import { jql } from '../domain/jql';
import { SLIPPED_LABEL, slippedComment, slippedFrom, slippedMarker } from '../domain/slipped';
import { nextSprint } from '../domain/sprints';
import { getSprints, moveIssuesToSprint } from '../jira/agile';
import { getProjectBoards } from '../jira/boards';
import { recentComments } from '../jira/comments';
import { addComment, editIssue } from '../jira/issues';
import { setIssueProperty } from '../jira/properties';
import { SprintFieldValueSchema, type Issue, type Sprint } from '../jira/schemas';
import { searchPage } from '../jira/search';
import type { JiraTransport } from '../jira/transport';
import { ActionTicketPropertySchema } from '../shared/postmortem';
import type { ProjectSettings } from '../shared/settings';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { allProjectSettings, DEFAULT_SETTINGS, siteConfig } from './settings';
import type { TimeBudget } from './job-budget';

const ClaimSchema = z.object({ state: z.enum(['working', 'done']), at: z.number() });

export interface SlippedRun {
  moved: number;
  flagged: number;
  failed: number;
  complete: boolean;
}

/**
 * Finds action tickets that fell out of a closed sprint unfinished and, per project setting, moves each into the
 * next sprint with a comment saying why, or flags it (label + property). Repeatable: the claim per ticket and sprint
 * and the comment's marker keep a retry from commenting twice; moving and labelling are idempotent in Jira.
 */
export async function runSlipped(
  jira: JiraTransport,
  kvs: KeyValueStore,
  now: number,
  budget: TimeBudget,
): Promise<SlippedRun> {
  const run: SlippedRun = { moved: 0, flagged: 0, failed: 0, complete: false };
  const { sprintFieldId } = await siteConfig(kvs, jira);
  if (!sprintFieldId) return { ...run, complete: true };
  const settings = await allProjectSettings(kvs);
  const nextSprints = new Map<string, Promise<Sprint | null>>();
  const failed = new Set<string>();
  while (!budget.exhausted()) {
    const page = await searchPage(jira, jql.slippedCandidates(SLIPPED_LABEL), {
      fields: [sprintFieldId, 'project', 'labels'],
      properties: [ACTION_PROPERTY],
      maxResults: 100 + failed.size,
    });
    const todo = page.issues.filter((i) => !failed.has(i.key));
    if (todo.length === 0) {
      run.complete = true;
      break;
    }
    for (const ticket of todo) {
      if (budget.exhausted()) break;
      const projectKey = ticket.fields?.project?.key ?? '';
      const s = settings.get(projectKey) ?? DEFAULT_SETTINGS;
      const next = nextSprints.get(projectKey) ?? findNextSprint(jira, projectKey, s);
      nextSprints.set(projectKey, next);
      try {
        const outcome = await handle(jira, kvs, ticket, sprintFieldId, s, await next, now);
        if (outcome === 'moved') run.moved++;
        else if (outcome === 'flagged') run.flagged++;
        else failed.add(ticket.key);
      } catch (e) {
        console.error(`Slipped ticket ${ticket.key} not handled`, e instanceof Error ? e.message : e);
        failed.add(ticket.key);
        run.failed++;
      }
    }
  }
  return run;
}

async function findNextSprint(jira: JiraTransport, projectKey: string, s: ProjectSettings): Promise<Sprint | null> {
  const boards = (await getProjectBoards(jira, projectKey)).filter((b) => b.type === 'scrum');
  const board = boards.find((b) => b.id === s.boardId) ?? boards[0];
  return board ? nextSprint(await getSprints(jira, board.id, 'future')) : null;
}

async function handle(
  jira: JiraTransport,
  kvs: KeyValueStore,
  ticket: Issue,
  sprintFieldId: string,
  settings: ProjectSettings,
  next: Sprint | null,
  now: number,
): Promise<'moved' | 'flagged' | 'skipped'> {
  const sprints = SprintFieldValueSchema.safeParse(ticket.fields?.[sprintFieldId]);
  const prop = ActionTicketPropertySchema.safeParse(ticket.properties?.[ACTION_PROPERTY]);
  const closed = slippedFrom(sprints.success ? (sprints.data ?? []) : []);
  if (!closed || !prop.success) return 'skipped';
  const move = settings.slippedPolicy === 'move' && next !== null;
  const key = kvsKeys.slipped(ticket.key, closed.id);
  if (!(await kvs.setIfAbsent(key, { state: 'working', at: now }))) {
    const claim = ClaimSchema.safeParse(await kvs.get(key));
    if (claim.success && claim.data.state === 'working' && now - claim.data.at < 120_000) return 'skipped';
  }
  // Comment first (the reason), unless an earlier attempt already posted it and lost the answer.
  const marker = slippedMarker(ticket.key, closed.id);
  const posted = (await recentComments(jira, ticket.key)).some((c) => JSON.stringify(c.body).includes(marker));
  if (!posted)
    await addComment(
      jira,
      ticket.key,
      slippedComment({
        ticketKey: ticket.key,
        closed,
        movedTo: move ? (next?.name ?? null) : null,
        incidentKey: prop.data.incident,
      }),
    );
  if (move && next) await moveIssuesToSprint(jira, next.id, [ticket.key]);
  else {
    const labels = ticket.fields?.labels ?? [];
    if (!labels.includes(SLIPPED_LABEL)) await editIssue(jira, ticket.key, { labels: [...labels, SLIPPED_LABEL] });
  }
  await setIssueProperty(jira, ticket.key, ACTION_PROPERTY, { ...prop.data, slipped: 1 });
  await kvs.set(key, { state: 'done', at: now });
  return move ? 'moved' : 'flagged';
}
