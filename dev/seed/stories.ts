import { CHANGE_AND_LOAD } from './stories-change';
import { EXPIRY_AND_SIGNALS } from './stories-signals';

/**
 * The demo's post-mortems, written the way teams write them: several distinct stories per root-cause category,
 * each with its own symptom, cause, factors, lessons and actions. A repeat reuses its earlier incident's story in
 * other words (`again`), so "same root cause?" ranks the true earlier incident above look-alikes of the category.
 */
export interface Story {
  category: string;
  services: string[];
  symptom: string;
  rootCause: string;
  /** The root cause as a later post-mortem words it when the same thing happens again. */
  again: string;
  factors: { possible: string; detection: string; resolution: string };
  lessons: string;
  actions: string[];
}

export const STORIES: Story[] = [...CHANGE_AND_LOAD, ...EXPIRY_AND_SIGNALS];

export const WENT_WELL = [
  'Escalation to the owning team happened within five minutes',
  'The incident channel had one clear commander from the start',
  'Rollback worked first time',
  'The status page was updated within ten minutes',
  'Support had a customer macro ready before tickets piled up',
  'The runbook for this service was accurate',
  'Feature flags let us disable the failing path without a deploy',
  'A second engineer joined quickly and took over communication',
];
export const WENT_WRONG = [
  'The alert fired late',
  'The runbook was out of date',
  'Too many people debugged in parallel without coordinating',
  'Support learned about it from customers',
  'Nobody knew who owned the failing component',
  'Dashboards had no deploy markers, so the cause was guessed',
  'The fix was tested directly in production',
  'Status page updates stopped for forty minutes',
];
export const PARKING_IDEAS = [
  'Chaos testing for dependencies',
  'Rewrite the deploy pipeline',
  'Hire a dedicated SRE',
  'Move to multi-region',
  'Quarterly game days',
  'Adopt an incident bot',
];
