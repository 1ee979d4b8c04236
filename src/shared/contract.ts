import { z } from 'zod';
import type { StoredPostMortem } from './postmortem';

/**
 * The contract between the Custom UI pages and the resolvers: each resolver's name, the payload
 * it accepts (validated on arrival) and the data it answers with. Both sides import this module.
 */
export const ISSUE_KEY = z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'must be an issue key such as OPS-42');
export const PROJECT_KEY = z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'must be a project key such as OPS');

export interface JqlFigure { label: string; value: number; jql: string }

export interface PanelData {
  issue: { key: string; summary: string; issueType: string; status: string; statusCategory: string; created: string; projectKey: string };
  isIncident: boolean;
  postmortem: StoredPostMortem | null;
  /** The stored value failed validation: shown to the person instead of being silently replaced. */
  postmortemProblem: string | null;
}

export interface PageData {
  project: { key: string; name: string };
  figures: JqlFigure[];
  generatedAt: string;
}

export const payloads = {
  'panel/load': z.object({}).strict(),
  'page/load': z.object({ windowDays: z.number().int().min(1).max(3650).optional() }).strict(),
} as const;

export interface Answers {
  'panel/load': PanelData;
  'page/load': PageData;
}

export type ResolverName = keyof typeof payloads;
export type Payload<K extends ResolverName> = z.input<(typeof payloads)[K]>;
