import { ACTION_LINK_TYPE, INCIDENT_TYPE, REPEAT_LINK_TYPE } from '../domain/jira-names';
import {
  createIssueLinkType,
  createIssueType,
  findSprintFieldId,
  getIssueLinkTypes,
  getIssueTypes,
} from '../jira/config';
import { JiraError } from '../jira/errors';
import type { JiraTransport } from '../jira/transport';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';

export interface SiteConfig {
  incidentTypeId: string;
  actionLinkType: string;
  repeatLinkType: string;
  sprintFieldId: string | null;
}

/**
 * Idempotent install: the Incident issue type and the app's two link types exist afterwards,
 * whether this is the first run, a re-run, or a race with another run (a 409 means "already there").
 */
export async function ensureSiteSetup(jira: JiraTransport, kvs: KeyValueStore): Promise<SiteConfig> {
  const incidentTypeId = await ensureIssueType(jira);
  const linkTypes = (await getIssueLinkTypes(jira)).issueLinkTypes;
  for (const wanted of [ACTION_LINK_TYPE, REPEAT_LINK_TYPE]) {
    if (linkTypes.some((l) => l.name === wanted.name)) continue;
    try {
      await createIssueLinkType(jira, wanted);
    } catch (e) {
      if (!(e instanceof JiraError && e.status === 400 && e.message.includes('already exists'))) throw e;
    }
  }
  const config: SiteConfig = {
    incidentTypeId,
    actionLinkType: ACTION_LINK_TYPE.name,
    repeatLinkType: REPEAT_LINK_TYPE.name,
    sprintFieldId: await findSprintFieldId(jira),
  };
  await kvs.set(kvsKeys.siteConfig(), config);
  return config;
}

async function ensureIssueType(jira: JiraTransport): Promise<string> {
  const existing = (await getIssueTypes(jira)).find((t) => t.name === INCIDENT_TYPE.name);
  if (existing) return existing.id;
  try {
    return (await createIssueType(jira, INCIDENT_TYPE)).id;
  } catch (e) {
    if (!(e instanceof JiraError && e.status === 409)) throw e;
    const raced = (await getIssueTypes(jira)).find((t) => t.name === INCIDENT_TYPE.name);
    if (!raced) throw e;
    return raced.id;
  }
}
