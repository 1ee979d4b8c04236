import { z } from 'zod';
import { getProjectBoards } from '../jira/boards';
import { getIssueTypes, getPriorities, hasProjectPermission } from '../jira/config';
import type { JiraTransport } from '../jira/transport';
import type { SettingsAnswer } from '../shared/contract';
import type { ProjectSettings } from '../shared/settings';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';
import { versionedSettings } from './settings';

const LEASE_MS = 30_000;
const VersionKeySchema = z.object({ by: z.string(), at: z.number() });

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
  const clean = { ...next, categories: [...new Set(next.categories.map((c) => c.trim()).filter(Boolean))] };
  const version = current.version + 1;
  // Two admins saving the same version at once: only the first takes the version key. A key left by a save
  // that died before writing the settings (the stored version never moved) is taken over after the lease.
  const versionKey = kvsKeys.projectSettingsVersion(projectKey, version);
  if (!(await kvs.setIfAbsent(versionKey, { by: who, at: now }))) {
    const held = VersionKeySchema.safeParse(await kvs.get(versionKey));
    const latest = await versionedSettings(kvs, projectKey);
    if (latest.version !== current.version || !held.success || now - held.data.at < LEASE_MS) throw stale();
    await kvs.set(versionKey, { by: who, at: now });
  }
  const record = { version, updatedBy: who, updatedAt: new Date(now).toISOString(), settings: clean };
  await kvs.set(kvsKeys.projectSettings(projectKey), record);
  return { ...current, ...record };
}
