import type { ADFEntity } from '@atlaskit/adf-utils/types';
import { validator } from '@atlaskit/adf-utils/validator';

// Creating the validator asks Atlassian's feature-gate client, which is not initialised outside their
// products and logs a warning: silence that one synchronous call.
function quietly<T>(fn: () => T): T {
  const saved = { warn: console.warn, error: console.error, log: console.log };
  console.warn = console.error = console.log = () => undefined;
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}
const validate = quietly(() => validator());

const isEntity = (x: unknown): x is ADFEntity =>
  x !== null && typeof x === 'object' && !Array.isArray(x) && typeof (x as { type?: unknown }).type === 'string';

/**
 * Problems with an Atlassian Document Format value, checked with Atlassian's own validator,
 * as Jira checks descriptions and comment bodies (empty when valid).
 */
export function adfProblems(value: unknown): string[] {
  if (!isEntity(value) || value.type !== 'doc' || value.version !== 1)
    return ['must be an Atlassian Document (type "doc", version 1)'];
  const problems: string[] = [];
  validate(value, (_entity, error) => {
    problems.push(error.message);
    return undefined;
  });
  return problems;
}

/** Jira's default limit for a text field (a comment, a description): "jira.text.field.character.limit". */
export const TEXT_FIELD_LIMIT = 32_767;

/**
 * The characters of an ADF document as Jira counts them against TEXT_FIELD_LIMIT. Jira does not document how an ADF
 * body is measured; the emulator counts the text nodes' characters plus one per block (a line break in the stored
 * text), which is at most what Jira counts, so an app that stays under it here may still be refused there only if
 * Jira counts markup too: the app keeps a margin below the limit.
 */
export function adfTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v: unknown) => n + adfTextLength(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  const type = 'type' in value ? value.type : undefined;
  const own = 'text' in value && typeof value.text === 'string' ? value.text.length : 0;
  const block = type !== 'text' && type !== 'doc' ? 1 : 0;
  return own + block + adfTextLength('content' in value ? value.content : undefined);
}
