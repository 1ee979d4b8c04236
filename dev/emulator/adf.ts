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
