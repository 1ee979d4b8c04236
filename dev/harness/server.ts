import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { toInvocationContext } from '../../src/forge-context';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import type { Platform } from '../../src/services/context';
import { searchAll } from '../../src/jira/search';
import type { Emulator } from '../emulator/server';
import { DEMO_USERS } from '../seed/generate';
import { customUiCsp } from './csp';
import { appFrame, homeBody, hostPage } from './pages';

const ROOT = path.join(__dirname, '..', '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
const CspReport = z.object({
  'csp-report': z
    .object({ 'violated-directive': z.string(), 'blocked-uri': z.string(), 'document-uri': z.string() })
    .partial(),
});
const InvokeBody = z.object({ functionKey: z.string(), payload: z.unknown(), context: z.unknown() });
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface CspReportSeen {
  directive: string;
  blocked: string;
  document: string;
}
export interface Harness {
  url: string;
  /** The violation reports received since the last call (report-uri): the browser tests' third witness. */
  takeCspReports(): CspReportSeen[];
  close(): Promise<void>;
}

/**
 * Serves the demo: Jira-like host pages, the built Custom UI resources (with the bridge stand-in loaded
 * first) and /__harness/invoke, which runs the real resolvers as the chosen user.
 */
export async function startHarness(emulator: Emulator, platform: Platform, port = 0): Promise<Harness> {
  const resolvers: ResolverMap = buildResolvers(platform);
  const reports: CspReportSeen[] = [];
  const bridgeJs = fs.readFileSync(path.join(__dirname, 'bridge-client.js'), 'utf8');
  const hostFlagsJs = fs.readFileSync(path.join(__dirname, 'host-flags.js'), 'utf8');

  const server = http.createServer((req, res) => void serve(req, res));
  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const as = url.searchParams.get('as') ?? DEMO_USERS[0].accountId;
    const theme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
    const html = (body: string, status = 200) => {
      res.writeHead(status, { 'Content-Type': TYPES['.html'] ?? 'text/html' });
      res.end(body);
    };
    try {
      if (url.pathname === '/__harness/bridge.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        return res.end(bridgeJs);
      }
      if (url.pathname === '/__harness/host-flags.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        return res.end(hostFlagsJs);
      }
      if (url.pathname === '/__harness/invoke' && req.method === 'POST') return await invoke(req, res, resolvers);
      if (url.pathname === '/__harness/csp-report' && req.method === 'POST') return await cspReport(req, res, reports);
      if (url.pathname === '/')
        return html(hostPage({ title: 'Home', as, theme, path: '/', body: homeBody(emulator.store, as, theme) }));
      const issue = /^\/jira\/issue\/([A-Z][A-Z0-9_]+-\d+)$/.exec(url.pathname);
      if (issue?.[1]) {
        const key = issue[1];
        const rec = emulator.store.issuesByKey.get(key);
        const body = `<div class="card"><h1 data-testid="issue-title">${esc(key)}: ${esc(rec?.summary ?? '')}</h1></div>${appFrame('panel', { as, theme, issue: key, project: key.split('-')[0] ?? '', module: 'postmortem-panel' }, 1400)}`;
        return html(hostPage({ title: key, as, theme, path: url.pathname, body }));
      }
      const page = /^\/jira\/project\/([A-Z][A-Z0-9_]+)\/page$/.exec(url.pathname);
      if (page?.[1])
        return html(
          hostPage({
            title: 'Incident learning',
            as,
            theme,
            path: url.pathname,
            body: appFrame('page', { as, theme, project: page[1], module: 'incident-report-page' }, 1600),
          }),
        );
      if (url.pathname === '/issues/')
        return html(
          hostPage({
            title: 'Search',
            as,
            theme,
            path: '/issues/',
            body: await searchBody(platform, as, url.searchParams.get('jql') ?? ''),
          }),
        );
      const resource = /^\/resources\/(panel|page)\/(.*)$/.exec(url.pathname);
      if (resource?.[1]) return serveResource(resource[1], resource[2] || 'index.html', res, origin);
      html('<p>Not found</p>', 404);
    } catch (e) {
      html(`<pre>${esc(e instanceof Error ? (e.stack ?? e.message) : String(e))}</pre>`, 500);
    }
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is in use: stop the other process or set PORT=<free port>`)
          : e,
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    takeCspReports: () => reports.splice(0, reports.length),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function invoke(req: http.IncomingMessage, res: http.ServerResponse, resolvers: ResolverMap) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = InvokeBody.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
  const reply = (status: number, value: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (!body.success) return reply(400, { ok: false, error: { code: 'VALIDATION', message: 'Malformed invoke' } });
  const name = body.data.functionKey;
  if (!(name in resolvers))
    return reply(200, { ok: false, error: { code: 'NOT_FOUND', message: `No resolver named ${name}` } });
  const run = resolvers[name as keyof ResolverMap];
  reply(200, await run(body.data.payload, toInvocationContext(body.data.context)));
}

function serveResource(resource: string, file: string, res: http.ServerResponse, origin: string) {
  const dir = path.join(ROOT, 'static', resource, 'build');
  const full = path.normalize(path.join(dir, file));
  if (!full.startsWith(dir) || !fs.existsSync(full)) {
    res.writeHead(404);
    return res.end(fs.existsSync(dir) ? 'Not found' : `static/${resource}/build is missing: run npm run build:ui`);
  }
  let content: Buffer | string = fs.readFileSync(full);
  const headers: Record<string, string> = { 'Content-Type': TYPES[path.extname(full)] ?? 'application/octet-stream' };
  if (file === 'index.html') {
    // Forge's policy is computed from the page as built; the bridge stand-in is then added like the CLI adds its own.
    headers['Content-Security-Policy'] = customUiCsp(content.toString('utf8'), origin);
    content = content.toString('utf8').replace('<head>', '<head><script src="/__harness/bridge.js"></script>');
  }
  res.writeHead(200, headers);
  res.end(content);
}

/** A bare stand-in for Jira's issue search, so every figure's JQL link can be followed. */
async function searchBody(platform: Platform, as: string, jql: string): Promise<string> {
  try {
    const issues = await searchAll(platform.asUser(as), jql, {
      fields: ['summary', 'status'],
      maxResults: 100,
      limit: 200,
    });
    const rows = issues
      .map(
        (i) =>
          `<tr><td>${esc(i.key)}</td><td>${esc(i.fields?.summary ?? '')}</td><td>${esc(i.fields?.status?.name ?? '')}</td></tr>`,
      )
      .join('');
    return `<div class="card"><h1>Issue search</h1><code data-testid="search-jql">${esc(jql)}</code><p data-testid="search-count">${issues.length}${issues.length === 200 ? '+' : ''} issues</p><table>${rows}</table></div>`;
  } catch (e) {
    return `<div class="card"><h1>Issue search</h1><code>${esc(jql)}</code><p data-testid="search-error">${esc(e instanceof Error ? e.message : String(e))}</p></div>`;
  }
}

/** Where the Custom UI pages' CSP reports go (report-uri): shown in the `npm start` console. */
async function cspReport(req: http.IncomingMessage, res: http.ServerResponse, seen: CspReportSeen[]) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  const report = CspReport.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
  const r = report.success ? report.data['csp-report'] : undefined;
  seen.push({
    directive: r?.['violated-directive'] ?? '?',
    blocked: r?.['blocked-uri'] ?? '?',
    document: r?.['document-uri'] ?? '?',
  });
  console.warn(
    `CSP violation under Forge's default Custom UI policy: ${r?.['violated-directive'] ?? '?'} blocked ${r?.['blocked-uri'] ?? '?'} in ${r?.['document-uri']?.split('?')[0] ?? '?'}`,
  );
  res.writeHead(204);
  res.end();
}
