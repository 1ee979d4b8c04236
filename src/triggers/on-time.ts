import type { Platform } from '../services/context';
import { markResolvedOnTime } from '../services/on-time';

/** Scheduled (hourly) and on issue updates: keeps resolvedOnTime current for the report's on-time figure. */
export async function onTimeJob(platform: Platform): Promise<void> {
  const marked = await markResolvedOnTime(platform.asApp(), null);
  if (marked > 0) console.log(`Recorded on-time completion for ${marked} action tickets`);
}
