import type { Platform } from '../services/context';
import { logFailure } from '../services/failure-log';
import { ensureSiteSetup } from '../services/install';

/**
 * avi:forge:installed:app and avi:forge:upgraded:app: makes the Incident issue type and link types if the site lacks
 * them. If this fails, nothing is lost: the first resolver that needs them makes them (services/site-setup).
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
}
