import { z } from 'zod';
import { DEFAULT_CATEGORIES, DEFAULT_PRIORITY_MAP } from '../domain/jira-names';
import { findSprintFieldId } from '../jira/config';
import type { JiraTransport } from '../jira/transport';
import { ProjectSettingsSchema, type ProjectSettings } from '../shared/settings';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';
import { recordedSetup, type SiteConfig } from './install';

export type { ProjectSettings };

/** The defaults a new project works with at once: every later field's default comes from the schema. */
export const DEFAULT_SETTINGS: ProjectSettings = ProjectSettingsSchema.parse({
  categories: [...DEFAULT_CATEGORIES],
  ticketIssueType: 'Task',
  priorityMap: { ...DEFAULT_PRIORITY_MAP },
});

/** What is stored: the settings with who saved which version when (version 0: never saved). */
const StoredSettingsSchema = z.object({
  version: z.number().int().min(1),
  updatedBy: z.string(),
  updatedAt: z.string(),
  settings: ProjectSettingsSchema,
});
export interface VersionedSettings {
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  settings: ProjectSettings;
}

/** The stored settings and their version; settings saved before versioning (a bare object) read as version 0. */
export async function versionedSettings(kvs: KeyValueStore, projectKey: string): Promise<VersionedSettings> {
  const raw = await kvs.get(kvsKeys.projectSettings(projectKey));
  const stored = StoredSettingsSchema.safeParse(raw);
  if (stored.success) return stored.data;
  const legacy = ProjectSettingsSchema.safeParse(raw);
  return { version: 0, updatedBy: null, updatedAt: null, settings: legacy.success ? legacy.data : DEFAULT_SETTINGS };
}

/** Per-project choices (categories, ticket type, P1-P3 mapping, board, due dates, follow-up), or the defaults. */
export async function projectSettings(kvs: KeyValueStore, projectKey: string): Promise<ProjectSettings> {
  return (await versionedSettings(kvs, projectKey)).settings;
}

/**
 * The sprint field as setup recorded it (src/services/install.ts owns that record). Resolvers heal setup before
 * they run; a scheduled run may come first, so without a record the field is looked up (and not recorded here).
 */
export async function siteConfig(kvs: KeyValueStore, jira: JiraTransport): Promise<{ sprintFieldId: string | null }> {
  return (await recordedSetup(kvs)) ?? { sprintFieldId: await findSprintFieldId(jira) };
}

/** The recorded setup without a Jira call (null before setup completed): for reads that can do without it. */
export const cachedSiteConfig = (kvs: KeyValueStore): Promise<SiteConfig | null> => recordedSetup(kvs);

/** Every project's saved settings (projects never configured use the defaults). */
export async function allProjectSettings(kvs: KeyValueStore): Promise<Map<string, ProjectSettings>> {
  const prefix = kvsKeys.projectSettings('');
  const out = new Map<string, ProjectSettings>();
  for (const { key, value } of await kvs.listByPrefix(prefix)) {
    const record = z.object({ settings: ProjectSettingsSchema }).safeParse(value);
    const legacy = ProjectSettingsSchema.safeParse(value);
    const s = record.success ? record.data.settings : legacy.success ? legacy.data : null;
    if (s) out.set(key.slice(prefix.length), s);
  }
  return out;
}
