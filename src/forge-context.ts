import { z } from 'zod';
import type { InvocationContext } from './services/context';

/** Forge's invocation context: the user, and the issue or project the module is rendered on. */
const ForgeContextSchema = z
  .object({
    accountId: z.string().optional(),
    extension: z
      .object({
        issue: z.object({ key: z.string() }).passthrough().optional(),
        project: z.object({ key: z.string() }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export function toInvocationContext(context: unknown): InvocationContext {
  const parsed = ForgeContextSchema.safeParse(context);
  if (!parsed.success) return { accountId: '' };
  const ext = parsed.data.extension;
  return {
    accountId: parsed.data.accountId ?? '',
    issueKey: ext?.issue?.key,
    // On an issue panel, the project is the issue's; on the project page, it is given directly.
    projectKey: ext?.project?.key ?? ext?.issue?.key.split('-')[0],
  };
}
