import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StatsigService, type Logger } from '@forge/cli-shared';
import { SPEC_FILES, specDir } from '../emulator/spec/spec-dir';

/** A logger in the shape @forge/cli-shared expects, writing to the console (info) and collecting warnings. */
export function consoleLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    traceEnabled: false,
    debugEnabled: false,
    trace: () => undefined,
    debug: () => undefined,
    info: (message: string) => console.log(message),
    warn: (message: string) => {
      warnings.push(message);
      console.warn(message);
    },
    error: (error: Error) => console.error(error.message),
    warnings,
  };
}

/**
 * The Forge CLI's feature-flag service, offline: every gate and dynamic config answers null, which is what the
 * CLI itself falls back to when the flag service cannot be reached (so e.g. no runtime is reported deprecated).
 */
export class OfflineStatsig extends StatsigService {
  constructor(logger: Logger) {
    super(
      logger,
      undefined,
      { getCredentials: () => Promise.reject(new Error('offline: no login')) },
      {
        readConfigSection: () => Promise.resolve('missing' as const),
      },
    );
  }
  override checkGate(): Promise<null> {
    return Promise.resolve(null);
  }
  override getDynamicConfig(): Promise<null> {
    return Promise.resolve(null);
  }
}

/**
 * @forge/lint downloads Atlassian's OpenAPI specs unless USE_LOCAL_SWAGGER points it at local files: use the
 * Jira specs from JIRA_OPENAPI_DIR, and an empty spec for products this app does not call.
 * Returns a message when the specs are missing.
 */
export function useLocalSpecs(): string | null {
  const dir = specDir();
  const missing = Object.values(SPEC_FILES).filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) return `Spec ${missing.join(', ')} not found in ${dir}: set JIRA_OPENAPI_DIR.`;
  const stub = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-spec-')), 'empty.json');
  fs.writeFileSync(stub, JSON.stringify({ openapi: '3.0.1', paths: {} }));
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: path.join(dir, SPEC_FILES.platform),
    LOCAL_JSW_SWAGGER: path.join(dir, SPEC_FILES.software),
    LOCAL_JSM_SWAGGER: stub,
    LOCAL_CONF_SWAGGER: stub,
    LOCAL_CONF_V2_SWAGGER: stub,
    LOCAL_BB_SWAGGER: stub,
  });
  return null;
}
