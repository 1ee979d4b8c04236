import type { PostMortem } from '@shared/postmortem';

/** Words shared by the read view and the form (kept apart from the form so the read view loads without it). */
export const FACTORS: [keyof PostMortem['contributingFactors'], string][] = [
  ['possible', 'What made the incident possible'],
  ['detection', 'What made detection slow'],
  ['resolution', 'What made resolution slow'],
];

export const CATEGORY_APPEARANCE: Record<string, 'default' | 'inprogress' | 'success'> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};
