import { z } from 'zod';
import { ACTION_LINK_TYPE, DEFAULT_CATEGORIES, DEFAULT_PRIORITY_MAP, REPEAT_LINK_TYPE } from '../domain/jira-names';
import { findSprintFieldId } from '../jira/config';
import type { JiraTransport } from '../jira/transport';
import { ProjectSettingsSchema } from '../shared/contract';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';

const SiteConfigSchema = z.object({
  incidentTypeId: z.string(),
  actionLinkType: z.string(),
  repeatLinkType: z.string(),
  sprintFieldId: z.string().nullable(),
});
export type SiteConfig = z.infer<typeof SiteConfigSchema>;

export type ProjectSettings = z.infer<typeof ProjectSettingsSchema>;

export const DEFAULT_SETTINGS: ProjectSettings = {
  categories: [...DEFAULT_CATEGORIES],
  ticketIssueType: 'Task',
  priorityMap: { ...DEFAULT_PRIORITY_MAP },
};

/** Per-project choices (root-cause categories, ticket issue type, P1-P3 mapping), or the defaults. */
export async function projectSettings(kvs: KeyValueStore, projectKey: string): Promise<ProjectSettings> {
  const parsed = ProjectSettingsSchema.safeParse(await kvs.get(kvsKeys.projectSettings(projectKey)));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** What install recorded; if install never ran (or its record is unreadable), look the sprint field up once. */
export async function siteConfig(kvs: KeyValueStore, jira: JiraTransport): Promise<SiteConfig> {
  const parsed = SiteConfigSchema.safeParse(await kvs.get(kvsKeys.siteConfig()));
  if (parsed.success) return parsed.data;
  const config: SiteConfig = {
    incidentTypeId: '',
    actionLinkType: ACTION_LINK_TYPE.name,
    repeatLinkType: REPEAT_LINK_TYPE.name,
    sprintFieldId: await findSprintFieldId(jira),
  };
  await kvs.set(kvsKeys.siteConfig(), config);
  return config;
}

/** Cached site config without a Jira call (null before install): for reads that can do without it. */
export async function cachedSiteConfig(kvs: KeyValueStore): Promise<SiteConfig | null> {
  const parsed = SiteConfigSchema.safeParse(await kvs.get(kvsKeys.siteConfig()));
  return parsed.success ? parsed.data : null;
}
