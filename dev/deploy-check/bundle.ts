import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getEntryPoints, getNodeBundler } from '@forge/bundler';
import { ConfigFile, FileSystemReader, FileSystemWriter, type Logger } from '@forge/cli-shared';

export interface BundleReport {
  outputDir: string;
  /** Handlers named in manifest.yml (`index.xxx`) and whether the built file exports each as a function. */
  handlers: { module: string; func: string; exported: boolean }[];
  tsFiles: number;
}

/**
 * What `forge deploy` does to src/: the manifest's function handlers become webpack entry points (src/<module>),
 * built by @forge/bundler's Node runtime bundler (its NodeBundler.getConfigs: the common config with ts-loader and
 * the app's own tsconfig.json, target node18, `[name].cjs`) into a temp folder. Then each built module is loaded
 * and must export every handler the manifest names. Runs in the app folder (the bundler resolves entries there).
 */
export async function bundleApp(appDir: string, logger: Logger): Promise<BundleReport> {
  process.chdir(appDir);
  const configFile = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
  const handlers = await configFile.getAppHandlers();
  // The runtime wrapper is downloaded from Atlassian's CDN and only copied beside the bundle: not needed to check it.
  const wrapper = { script: '', source: 'offline', version: 'offline' };
  const noWrapper = { getNodeRuntimeWrapper: async () => wrapper, getNodeRuntimeLoader: async () => wrapper };
  const bundler = getNodeBundler(logger, noWrapper, configFile);
  const output = await bundler.bundle({ appDirectory: appDir, entryPoints: getEntryPoints(handlers) });
  return {
    outputDir: output.outputDir,
    tsFiles: output.metadata?.tsFiles ?? 0,
    handlers: handlers.map(({ module, func }) => ({
      module,
      func,
      exported: exportsFunction(output.outputDir, module, func),
    })),
  };
}

function exportsFunction(outputDir: string, module: string, func: string): boolean {
  const file = path.join(outputDir, `${module}.cjs`);
  if (!fs.existsSync(file)) return false;
  // The bundle is CommonJS: load it the way Forge's Node runtime does.
  const loaded: unknown = createRequire(__filename)(file);
  return typeof loaded === 'object' && loaded !== null && typeof Reflect.get(loaded, func) === 'function';
}
