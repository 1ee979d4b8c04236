import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Emulator } from './emulator/server';

/**
 * Forge's delivery of `avi:jira:updated:issue`, locally. Jira raises the event for edits and transitions (not for
 * entity property writes); Forge then applies each `trigger` module's `filter` from manifest.yml: `ignoreSelf` drops
 * events the app caused itself, `expression` (a Jira expression) keeps only matching issues. Jira expressions are
 * not interpreted here: the stand-in knows the expressions the manifest uses and refuses any other, so a changed
 * expression cannot pass unexamined.
 */
const KNOWN_EXPRESSIONS: Record<string, (issue: { labels: string[] }) => boolean> = {
  "event.issue.fields?.labels?.includes('postmortem-action')": (issue) => issue.labels.includes('postmortem-action'),
};

const TriggerModules = z.object({
  modules: z.object({
    trigger: z.array(
      z.object({
        key: z.string(),
        function: z.string(),
        events: z.array(z.string()),
        filter: z.object({ ignoreSelf: z.boolean().optional(), expression: z.string().optional() }).optional(),
      }),
    ),
  }),
});

export interface IssueUpdatedEvent {
  issue: { key: string };
  /** Whether the app itself made the change (asApp, or so attributed by Forge). */
  byApp: boolean;
}

/** The issue-updated events Jira raised for the calls the emulator recorded from index `from` on. */
export function issueUpdatedEvents(emulator: Emulator, from = 0): IssueUpdatedEvent[] {
  return emulator.calls.slice(from).flatMap((c) => {
    const m = /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]+-\d+)(\/transitions)?(\?.*)?$/.exec(c.path);
    const isUpdate = m?.[1] && ((c.method === 'PUT' && !m[2]) || (c.method === 'POST' && m[2]));
    return isUpdate && c.status >= 200 && c.status < 300 ? [{ issue: { key: m[1] ?? '' }, byApp: c.asApp }] : [];
  });
}

/** The functions (by manifest key) Forge would invoke for an event, after each trigger module's filter. */
export function deliver(emulator: Emulator, event: IssueUpdatedEvent, manifestFile?: string): string[] {
  const file = manifestFile ?? path.join(__dirname, '..', 'manifest.yml');
  const triggers = TriggerModules.parse(parse(fs.readFileSync(file, 'utf8'))).modules.trigger;
  const issue = emulator.store.issuesByKey.get(event.issue.key);
  return triggers
    .filter((t) => t.events.includes('avi:jira:updated:issue'))
    .filter((t) => !(t.filter?.ignoreSelf && event.byApp))
    .filter((t) => {
      const expression = t.filter?.expression;
      if (expression === undefined) return true;
      const evaluate = KNOWN_EXPRESSIONS[expression];
      if (!evaluate) throw new Error(`dev/forge-events.ts does not know the expression ${expression}: add it`);
      return issue !== undefined && evaluate({ labels: issue.labels });
    })
    .map((t) => t.function);
}
