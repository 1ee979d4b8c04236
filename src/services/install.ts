import { z } from 'zod';
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
import { SetupFailure } from './failure';

/** What setup records in KVS: the ids Jira gave the app's issue type and link types (names can be renamed). */
export const SiteConfigSchema = z.object({
  incidentTypeId: z.string().min(1),
  actionLinkType: z.string(),
  repeatLinkType: z.string(),
  actionLinkTypeId: z.string().min(1),
  repeatLinkTypeId: z.string().min(1),
  sprintFieldId: z.string().nullable(),
});
export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** The recorded setup, or null when setup never completed (then the first resolver or trigger makes it). */
export async function recordedSetup(kvs: KeyValueStore): Promise<SiteConfig | null> {
  const parsed = SiteConfigSchema.safeParse(await kvs.get(kvsKeys.siteConfig()));
  return parsed.success ? parsed.data : null;
}

/**
 * Idempotent setup, run on install, on upgrade, and whenever a resolver or trigger finds it missing or broken: the
 * Incident issue type and the app's two link types exist afterwards, found by the ids recorded last time (then by
 * name), created when absent, whether this is the first run, a re-run, or a race with another run. Project-scoped
 * (team-managed) types are never taken for the site-wide Incident type. Runs as the app.
 */
export async function ensureSiteSetup(jira: JiraTransport, kvs: KeyValueStore): Promise<SiteConfig> {
  const before = await recordedSetup(kvs);
  try {
    const incidentTypeId = await ensureIssueType(jira, before?.incidentTypeId);
    const action = await ensureLinkType(jira, { ...ACTION_LINK_TYPE, id: before?.actionLinkTypeId });
    const repeat = await ensureLinkType(jira, { ...REPEAT_LINK_TYPE, id: before?.repeatLinkTypeId });
    const config: SiteConfig = {
      incidentTypeId,
      actionLinkType: ACTION_LINK_TYPE.name,
      repeatLinkType: REPEAT_LINK_TYPE.name,
      actionLinkTypeId: action,
      repeatLinkTypeId: repeat,
      sprintFieldId: await findSprintFieldId(jira),
    };
    await kvs.set(kvsKeys.siteConfig(), config);
    return config;
  } catch (e) {
    throw explainSetupFailure(e);
  }
}

const isGlobal = (t: { scope?: unknown }) => t.scope === undefined;

async function ensureIssueType(jira: JiraTransport, knownId: string | undefined): Promise<string> {
  const find = async () => {
    const types = (await getIssueTypes(jira)).filter(isGlobal);
    return (types.find((t) => t.id === knownId) ?? types.find((t) => t.name === INCIDENT_TYPE.name))?.id;
  };
  const existing = await find();
  if (existing) return existing;
  try {
    return (await createIssueType(jira, INCIDENT_TYPE)).id;
  } catch (e) {
    if (!(e instanceof JiraError && e.status === 409)) throw e;
    const raced = await find();
    if (!raced) throw e;
    return raced;
  }
}

type WantedLinkType = { name: string; inward: string; outward: string; id: string | undefined };

async function ensureLinkType(jira: JiraTransport, w: WantedLinkType): Promise<string> {
  const find = async () => {
    const types = (await getIssueLinkTypes(jira)).issueLinkTypes;
    return (types.find((t) => t.id === w.id) ?? types.find((t) => t.name === w.name))?.id;
  };
  const existing = await find();
  if (existing) return existing;
  try {
    return (await createIssueLinkType(jira, { name: w.name, inward: w.inward, outward: w.outward })).id;
  } catch (e) {
    // Another run created it meanwhile ("already exists" / name in use): take that one.
    const raced = e instanceof JiraError && e.status < 500 ? await find() : undefined;
    if (!raced) throw e;
    return raced;
  }
}

const LINK_TYPES_TEXT = `"${ACTION_LINK_TYPE.name}" (outward "${ACTION_LINK_TYPE.outward}", inward "${ACTION_LINK_TYPE.inward}") and "${REPEAT_LINK_TYPE.name}" (outward "${REPEAT_LINK_TYPE.outward}", inward "${REPEAT_LINK_TYPE.inward}")`;

/** Jira's refusal, turned into what a Jira admin must do. Other failures (429, 5xx, network) pass unchanged. */
function explainSetupFailure(e: unknown): unknown {
  if (!(e instanceof JiraError)) return e;
  const text = [...e.errorMessages, ...Object.values(e.fieldErrors)].join(' ').toLowerCase();
  if (e.operation === 'List issue link types' && e.status === 404) {
    return new SetupFailure(
      'issue-linking-off',
      `Issue linking is turned off on this Jira site, and Post-mortem Loop links action tickets to their incident. A Jira admin must turn it on (Settings > Issues > Issue linking > Activate); the app then creates its link types ${LINK_TYPES_TEXT} itself.`,
    );
  }
  if (e.status === 401 || e.status === 403 || (e.status === 404 && text.includes('permission'))) {
    return new SetupFailure(
      'no-admin-right',
      `Post-mortem Loop may not create its issue type and link types on this site (Jira answered HTTP ${e.status}). A Jira admin must create the issue type "${INCIDENT_TYPE.name}" (Settings > Issues > Issue types) and the link types ${LINK_TYPES_TEXT} (Settings > Issues > Issue linking).`,
    );
  }
  return e;
}

/** Jira's 400 for JQL naming the Incident type where Jira does not know it. */
export function isIncidentTypeUnknown(e: JiraError): boolean {
  return (
    e.status === 400 &&
    e.errorMessages.some((m) => m.includes(`'${INCIDENT_TYPE.name}'`) && m.toLowerCase().includes('issuetype'))
  );
}

export function incidentTypeMissing(): SetupFailure {
  return new SetupFailure(
    'incident-type-missing',
    `Jira does not know the issue type "${INCIDENT_TYPE.name}" here. A Jira admin must add it: for a company-managed project, add "${INCIDENT_TYPE.name}" to the project's issue type scheme (Project settings > Issue types); for a team-managed project, create an issue type named "${INCIDENT_TYPE.name}" in Project settings > Issue types.`,
  );
}
