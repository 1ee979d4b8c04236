import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static imports in a built chunk (`import{a}from"./x.js"`, `import"./y.js"`); `import("./z.js")` is lazy. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'()]*?from\s*)?["']([^"']+\.js)["']/g;
/** What index.html makes the browser fetch at once: the entry script and the chunks it preloads. */
const HTML_JS = /<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g;

/**
 * The JavaScript a browser fetches when the page opens, gzipped: the entry, what index.html preloads, and
 * everything those import statically. Chunks behind a dynamic import() load later, on demand, and are not counted.
 */
export function eagerJsGzipBytes(buildDir: string): { bytes: number; files: string[] } {
  const html = fs.readFileSync(path.join(buildDir, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) if (m[1]) visit(path.resolve(path.dirname(file), m[1]));
  };
  for (const m of html.matchAll(HTML_JS)) if (m[1]) visit(path.resolve(buildDir, m[1]));
  const files = [...seen];
  return { bytes: files.reduce((n, f) => n + gzipSync(fs.readFileSync(f)).length, 0), files };
}

export function bundleSizes(root: string, resources: readonly string[]): Record<string, { jsGzipKb: number }> {
  return Object.fromEntries(
    resources.map((r) => {
      const dir = path.join(root, 'static', r, 'build');
      const kb = fs.existsSync(path.join(dir, 'index.html')) ? eagerJsGzipBytes(dir).bytes / 1024 : 0;
      return [r, { jsGzipKb: Math.round(kb * 10) / 10 }];
    }),
  );
}
