import type { Platform } from '../services/context';
import { ensureSiteSetup } from '../services/install';

/** avi:forge:installed:app — creates the Incident issue type and link types if the site lacks them. */
export async function onInstalled(platform: Platform): Promise<void> {
  const config = await ensureSiteSetup(platform.asApp(), platform.kvs);
  console.log(
    `Post-mortem Loop installed: Incident type ${config.incidentTypeId}, sprint field ${config.sprintFieldId ?? 'none'}`,
  );
}
