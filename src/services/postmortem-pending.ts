import { z } from 'zod';
import { kvsKeys, type KeyValueStore } from '../storage/kvs';

/** What a save left undone after the document was written and cannot recompute from Jira alone. */
const PendingSchema = z.object({ repeatLink: z.string().optional() });
export type Pending = z.infer<typeof PendingSchema>;

export function readPending(raw: unknown): Pending {
  const parsed = PendingSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

type Step = (() => Promise<void>) | null;

/**
 * Runs the steps that follow the document (independent, so together) and records what is still pending.
 * Each step is repeatable: Jira answers 201 to a duplicate link, and the index and summary are overwrites.
 */
export async function pendingSteps(
  kvs: KeyValueStore,
  issueId: string,
  before: Pending,
  steps: {
    index: Step;
    summary: { value: string; previous: string; run: Step };
    repeatLink: { key: string; run: Step } | null;
  },
): Promise<{ summary: string; pending: string[] }> {
  const [index, summary, link] = await Promise.allSettled([
    steps.index?.(),
    steps.summary.run?.(),
    steps.repeatLink?.run?.(),
  ]);
  const pending: string[] = [];
  if (index.status === 'rejected') pending.push("the report's copy of the figures (the report lags until then)");
  if (summary.status === 'rejected') pending.push(`the issue summary ("${steps.summary.value}")`);
  const linkFailed = link.status === 'rejected' && steps.repeatLink !== null;
  if (linkFailed) pending.push(`the "same root cause" link to ${steps.repeatLink?.key ?? ''}`);
  const after: Pending = linkFailed && steps.repeatLink ? { repeatLink: steps.repeatLink.key } : {};
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    const key = kvsKeys.postmortemPending(issueId);
    await (after.repeatLink ? kvs.set(key, after) : kvs.delete(key));
  }
  return { summary: summary.status === 'fulfilled' ? steps.summary.value : steps.summary.previous, pending };
}
