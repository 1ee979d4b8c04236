import fs from 'node:fs';
import path from 'node:path';

/** Where Atlassian's published OpenAPI specs live. They are read, never copied into the project. */
export function specDir(): string {
  return path.resolve(
    process.env.JIRA_OPENAPI_DIR ?? path.join(__dirname, '..', '..', '..', '..', 'shared', 'jira-specs'),
  );
}

export const SPEC_FILES = { platform: 'jira-platform.openapi.json', software: 'jira-software.openapi.json' } as const;
export type SpecName = keyof typeof SPEC_FILES;

/** Reads one spec file, failing loudly (never silently running unvalidated) when it is missing. */
export function readSpec(name: SpecName): unknown {
  const file = path.join(specDir(), SPEC_FILES[name]);
  if (!fs.existsSync(file)) {
    throw new Error(
      `\n\n*** Jira OpenAPI spec not found: ${file}\n*** The emulator validates every request and response against Atlassian's specs and will not run without them.\n*** Set JIRA_OPENAPI_DIR to the folder holding ${Object.values(SPEC_FILES).join(' and ')}.\n`,
    );
  }
  let text = fs.readFileSync(file, 'utf8');
  // Spec erratum: the software spec uses Java's regex class \p{Digit}, which JavaScript lacks.
  if (name === 'software') text = text.split('\\\\p{Digit}').join('\\\\p{Nd}');
  return JSON.parse(text);
}
