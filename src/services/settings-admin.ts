import { z } from 'zod';
import { getProjectBoards } from '../jira/boards';
import { getIssueTypes, getPriorities, hasProjectPermission } from '../jira/config';
import type { JiraTransport } from '../jira/transport';
import type { SettingsAnswer } from '../shared/contract';
import type { ProjectSettings } from '../shared/settings';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';
import { versionedSettings } from './settings';
import { confirmedSet, confirmedSetIfAbsent } from './storage-write';

const LEASE_MS = 30_000;
/** Who took a version key, when, and with what settings (so a retry of a save whose answer was lost is known). */
const VersionKeySchema = z.object({ by: z.string(), at: z.number(), settings: z.unknown().optional() });
const CHECK = 'reload the settings to see what is saved';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The project's settings with what they may be set to (the site's issue types and priorities, the boards). */
export async function loadSettings(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
): Promise<SettingsAnswer> {
  const [stored, types, priorities, boards, canEdit] = await Promise.all([
    versionedSettings(kvs, projectKey),
    getIssueTypes(jira),
    getPriorities(jira),
    getProjectBoards(jira, projectKey),
    hasProjectPermission(jira, projectKey, 'ADMINISTER_PROJECTS'),
  ]);
  return {
    ...stored,
    issueTypes: types.filter((t) => !t.subtask && (t.hierarchyLevel ?? 0) === 0).map((t) => t.name),
    priorities: priorities.values.map((p) => p.name),
    boards: boards.map((b) => ({ id: b.id, name: b.name, type: b.type })),
    canEdit,
  };
}

/** The settings whose values differ, named as the page labels them: what a refused stale save tells the person. */
export function changedSettings(a: ProjectSettings, b: ProjectSettings): string[] {
  return (Object.keys(a) as (keyof ProjectSettings)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * Settings live in the app's storage, not in Jira, so Jira cannot refuse the write itself:
 * the app asks Jira whether the person administers the project first. Saves are versioned: a save based on
 * an older version is refused with what changed since, never applied over someone else's change.
 */
export async function saveSettings(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  input: { settings: ProjectSettings; baseVersion: number },
  who: string,
  now: number,
): Promise<SettingsAnswer> {
  const current = await loadSettings(jira, kvs, projectKey);
  if (!current.canEdit)
    throw new AppFailure(
      'FORBIDDEN',
      `Only administrators of project ${projectKey} can change its post-mortem settings.`,
    );
  const next = input.settings;
  const stale = () =>
    new AppFailure(
      'CONFLICT',
      `Someone saved these settings after you opened them (version ${current.version}${current.updatedBy ? `, by ${current.updatedBy}` : ''}). Nothing was saved: reload to see their change, then make yours again.`,
      changedSettings(current.settings, next).map((k) => `Differs from the saved settings: ${k}`),
    );
  const clean = { ...next, categories: [...new Set(next.categories.map((c) => c.trim()).filter(Boolean))] };
  // This person's own earlier click landed but its answer was lost: the retry finds its own version saved.
  const ownRetry = current.version === input.baseVersion + 1 && current.updatedBy === who;
  if (ownRetry && same(current.settings, clean)) return current;
  if (input.baseVersion !== current.version) throw stale();
  const problems = [
    ...(current.issueTypes.includes(next.ticketIssueType)
      ? []
      : [`Issue type "${next.ticketIssueType}" does not exist on this site.`]),
    ...Object.entries(next.priorityMap).flatMap(([p, name]) =>
      current.priorities.includes(name) ? [] : [`${p} maps to "${name}", which is not a priority on this site.`],
    ),
    ...(next.boardId === null || current.boards.some((b) => b.id === next.boardId)
      ? []
      : [`Board ${next.boardId} is not a board of project ${projectKey}.`]),
  ];
  if (problems.length) throw new AppFailure('VALIDATION', 'These settings cannot be saved.', problems);
  const version = current.version + 1;
  // Two admins saving the same version at once: only the first takes the version key. A key left by a save
  // that died before writing the settings (the stored version never moved) is taken over after the lease, or at
  // once when it is this person's own attempt at the same settings (its answer was lost).
  const versionKey = kvsKeys.projectSettingsVersion(projectKey, version);
  const claim = { by: who, at: now, settings: clean };
  if (!(await confirmedSetIfAbsent(kvs, versionKey, claim, 'the settings', CHECK))) {
    const held = VersionKeySchema.safeParse(await kvs.get(versionKey));
    const latest = await versionedSettings(kvs, projectKey);
    const mine = held.success && held.data.by === who && same(held.data.settings, clean);
    const expired = held.success && now - held.data.at >= LEASE_MS;
    if (latest.version !== current.version || !held.success || !(mine || expired)) throw stale();
    await confirmedSet(kvs, versionKey, claim, 'the settings', CHECK);
  }
  const record = { version, updatedBy: who, updatedAt: new Date(now).toISOString(), settings: clean };
  await confirmedSet(kvs, kvsKeys.projectSettings(projectKey), record, 'the settings', CHECK);
  return { ...current, ...record };
}
