import { getIssueTypes, getPriorities, hasProjectPermission } from '../jira/config';
import type { JiraTransport } from '../jira/transport';
import type { SettingsAnswer } from '../shared/contract';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { AppFailure } from './failure';
import { projectSettings, type ProjectSettings } from './settings';

/** The project's settings with what they may be set to (the site's issue types and priorities). */
export async function loadSettings(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
): Promise<SettingsAnswer> {
  const [settings, types, priorities, canEdit] = await Promise.all([
    projectSettings(kvs, projectKey),
    getIssueTypes(jira),
    getPriorities(jira),
    hasProjectPermission(jira, projectKey, 'ADMINISTER_PROJECTS'),
  ]);
  return {
    settings,
    issueTypes: types.filter((t) => !t.subtask && (t.hierarchyLevel ?? 0) === 0).map((t) => t.name),
    priorities: priorities.values.map((p) => p.name),
    canEdit,
  };
}

/**
 * Settings live in the app's storage, not in Jira, so Jira cannot refuse the write itself:
 * the app asks Jira whether the person administers the project first.
 */
export async function saveSettings(
  jira: JiraTransport,
  kvs: KeyValueStore,
  projectKey: string,
  next: ProjectSettings,
): Promise<SettingsAnswer> {
  const current = await loadSettings(jira, kvs, projectKey);
  if (!current.canEdit)
    throw new AppFailure(
      'FORBIDDEN',
      `Only administrators of project ${projectKey} can change its post-mortem settings.`,
    );
  const problems = [
    ...(current.issueTypes.includes(next.ticketIssueType)
      ? []
      : [`Issue type "${next.ticketIssueType}" does not exist on this site.`]),
    ...Object.entries(next.priorityMap).flatMap(([p, name]) =>
      current.priorities.includes(name) ? [] : [`${p} maps to "${name}", which is not a priority on this site.`],
    ),
  ];
  if (problems.length) throw new AppFailure('VALIDATION', 'These settings cannot be saved.', problems);
  const clean = { ...next, categories: [...new Set(next.categories.map((c) => c.trim()).filter(Boolean))] };
  await kvs.set(kvsKeys.projectSettings(projectKey), clean);
  return { ...current, settings: clean };
}
