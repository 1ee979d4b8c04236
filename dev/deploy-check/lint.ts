import path from 'node:path';
import { ConfigFile, FileSystemReader, FileSystemWriter, listGitIgnoreFiles, type Logger } from '@forge/cli-shared';
import { lint, parseSourceFile, problemCount, reportLintResults } from '@forge/lint';
import { OfflineStatsig } from './offline';

export interface LintReport {
  /** .ts files under src/ that deploy hands to the linter. */
  tsFiles: string[];
  /** Of those, the ones @forge/lint actually parsed (it drops any the tsconfig `include` globs do not list). */
  tsRead: string[];
  errors: number;
  warnings: number;
}

/**
 * The lint `forge deploy` runs before bundling (@forge/bundler's runLinter): every file under ./src except
 * .gitignore'd ones, as relative paths, from the app folder, with the app's tsconfig.json deciding which .ts
 * files are read. runLinter itself only prints; this calls @forge/lint the same way and keeps the counts.
 */
export async function deployLint(appDir: string, logger: Logger): Promise<LintReport> {
  process.chdir(appDir);
  const reader = new FileSystemReader();
  const exclude = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
  const manifest = await new ConfigFile(reader, new FileSystemWriter()).readConfig();
  const files = await reader.recursiveReadDir('./src', exclude);
  const tsRead: string[] = [];
  const results = await lint(files, manifest, 'development', logger, new OfflineStatsig(logger), {
    linter: { mode: 'client-side' },
    parseFunction: (file, parser, read) => {
      if (/\.tsx?$/.test(file)) tsRead.push(file);
      return parseSourceFile(file, parser, read);
    },
  });
  reportLintResults(logger, results);
  const { errors, warnings } = problemCount(results);
  return { tsFiles: files.filter((f) => /\.tsx?$/.test(f)).map((f) => path.normalize(f)), tsRead, errors, warnings };
}
