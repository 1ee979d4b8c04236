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

/**
 * How a post-mortem sets the scene before its root cause: the circumstances differ from one incident to the next
 * even when the mechanism is the same, so two write-ups of one story are never word for word alike.
 */
export const LEADS: Record<string, string[]> = {
  'Deploy / config change': [
    'The change went out in the Tuesday afternoon release train.',
    'It shipped late on a Friday as a "small config tweak".',
    'The rollout was part of a routine dependency upgrade.',
    'The change was approved in review without anyone running it in staging.',
  ],
  'Capacity / saturation': [
    'Traffic was three times the usual evening peak.',
    'It started minutes after a newsletter went out to every customer.',
    'A partner launched an integration without telling us.',
    'Load had been growing 8% a month with no review of limits.',
  ],
  'Dependency failure': [
    'The vendor later confirmed a partial outage in their EU region.',
    'Nothing in our own code had changed that week.',
    'The provider had announced maintenance in an email nobody read.',
    'The dependency had been stable for over a year.',
  ],
  'Data / migration': [
    'The change was scheduled for business hours to have people around.',
    'The job had run cleanly in staging against a tenth of the data.',
    'It was the first run since the table doubled in size.',
    'The ticket for it was marked low risk.',
  ],
  'Certificate / secret expiry': [
    'The expiry had been on the calendar of someone who has since left.',
    'It happened over a holiday weekend.',
    'The renewal reminder went to a shared inbox.',
    'The last renewal was done by hand a year earlier.',
  ],
  'Retry storm / cascading failure': [
    'The first failure lasted under a minute.',
    'It began with a routine restart during maintenance.',
    'A single slow node started it.',
    'The trigger was a brief network partition between zones.',
  ],
  'Monitoring gap': [
    'All dashboards stayed green throughout.',
    'The first report came through the support chat.',
    'The failure started on a Saturday night.',
    'Nobody was paged until a customer escalated.',
  ],
};

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
