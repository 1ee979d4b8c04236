import type { Platform } from '../services/context';
import { logFailure } from '../services/failure-log';
import { ensureSiteSetup } from '../services/install';
import { recordSiteFacts } from '../services/report-site';

/**
 * avi:forge:installed:app and avi:forge:upgraded:app: makes the Incident issue type and link types if the site lacks
 * them, and keeps the site facts the report starts from. If this fails, nothing is lost: the first resolver that
 * needs them makes or reads them (services/site-setup, services/report-site).
 */
export async function onInstalled(platform: Platform): Promise<void> {
  try {
    const config = await ensureSiteSetup(platform.asApp(), platform.kvs);
    console.log(
      JSON.stringify({
        event: 'postmortem-loop.setup',
        incidentTypeId: config.incidentTypeId,
        actionLinkTypeId: config.actionLinkTypeId,
        repeatLinkTypeId: config.repeatLinkTypeId,
        sprintFieldId: config.sprintFieldId,
      }),
    );
  } catch (e) {
    logFailure({ trigger: 'install-trigger' }, e);
  }
  // The report's first view starts from these; without them it reads them first (one round more), nothing worse.
  await recordSiteFacts(platform.asApp(), platform.kvs).catch((e: unknown) =>
    logFailure({ trigger: 'install-trigger' }, e),
  );
}
