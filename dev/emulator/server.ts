import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { costOf, issuesReturned } from './cost';
import { defaultKnobs, faultReply, takeFault, type CallRecord, type Knobs } from './faults';
import { HttpError } from './http-error';
import { PropertyIndex } from './jql/property-index';
import { Renderer } from './render';
import { routes, UNDOCUMENTED_STATUSES } from './routes';
import type { RouteReply } from './routes/types';
import { OpenApiIndex } from './spec/openapi';
import { installSiteDefaults } from './state/defaults';
import { JiraStore } from './state/store';
import { ensureWorkflow } from './workflow';

export const APP_ACCOUNT_ID = 'app-postmortem-loop';
export const USER_HEADER = 'x-emulator-account-id';
export const AS_APP_HEADER = 'x-emulator-as-app';
/**
 * When the caller sent the request (its clock, milliseconds; the local harness and the bench share this machine's).
 * The emulator runs every search on one thread: while it evaluates one, requests sent meanwhile wait unread, and
 * stamped on arrival they would look sent after the calls that finished in between, as if they had waited for
 * them. The call log's rounds are the caller's dependency chain, so a call starts when its caller sent it.
 */
export const SENT_AT_HEADER = 'x-emulator-sent-at';
/** A stamp older than this (or in the future) is not believed: the call starts on arrival. */
const SENT_AT_TRUST_MS = 120_000;

export interface EmulatorOptions {
  /** SQLite file; ':memory:' (default) for tests. */
  file?: string;
  port?: number;
  /** The emulator's clock, for relative JQL dates; tests fix it. */
  now?: () => number;
  /** Fail the call (HTTP 500) when a response drifts from the spec, instead of only recording it. */
  strictResponses?: boolean;
}

export interface Emulator {
  url: string;
  store: JiraStore;
  knobs: Knobs;
  calls: CallRecord[];
  /** Responses that did not match Atlassian's spec: tests assert this stays empty. */
  drift: string[];
  /** Indexes every write still within knobs.indexLagMs, as if the lag had passed. */
  settleIndex(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the local Jira Cloud emulator on 127.0.0.1. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const spec = new OpenApiIndex();
  const index = PropertyIndex.fromManifest();
  const store = new JiraStore(opts.file ?? ':memory:');
  if (store.isEmpty) installSiteDefaults(store);
  ensureWorkflow(store);
  ensureAppUser(store);
  const now = opts.now ?? Date.now;
  const knobs = defaultKnobs();
  store.indexLag.now = now;
  // Read live: a knob change applies to the next write, whoever makes it (a route or a test's direct store write).
  store.indexLag.ms = () => Math.max(0, Number(knobs.indexLagMs) || 0);
  const calls: CallRecord[] = [];
  const drift: string[] = [];
  let inFlight = 0;
  const waiters: (() => void)[] = [];
  let base = '';

  const server = http.createServer((req, res) => void serve(req, res));
  // A search over 100,000s of issues can block the loop for a second: an idle keep-alive socket closed on the
  // default 5 s timer would then race a client reusing it (ECONNRESET).
  server.keepAliveTimeout = 60_000;
  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const arrived = Date.now();
    const sentAt = Number(req.headers[SENT_AT_HEADER]);
    const started =
      Number.isFinite(sentAt) && sentAt <= arrived && arrived - sentAt < SENT_AT_TRUST_MS ? sentAt : arrived;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);
    if (url.pathname.startsWith('/__emulator/')) return control(url.pathname, method, rawBody, res);

    const accountId = String(req.headers[USER_HEADER] ?? '');
    const asApp = req.headers[AS_APP_HEADER] === 'true';
    const record: CallRecord = {
      at: started,
      method,
      path: url.pathname + url.search,
      accountId: asApp ? APP_ACCOUNT_ID : accountId,
      asApp,
      status: 0,
      ms: 0,
    };
    calls.push(record);

    if (knobs.maxConcurrent !== null && inFlight >= knobs.maxConcurrent) {
      if (knobs.queueExcess) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      } else {
        return send(
          res,
          record,
          {
            status: 429,
            headers: { 'Retry-After': '1', 'RateLimit-Reason': 'jira-burst-based' },
            body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
          },
          started,
          'burst',
        );
      }
    }
    inFlight++;
    try {
      if (knobs.latencyMs > 0) await sleep(knobs.latencyMs);
      const before = takeFault(knobs, method, url.pathname, 'before');
      if (before) return send(res, record, faultReply(before), started, `before:${before.status}`);
      const reply = handle(method, url, rawBody, accountId, asApp);
      const after = reply.status < 400 ? takeFault(knobs, method, url.pathname, 'after') : undefined;
      send(res, record, after ? faultReply(after) : reply, started, after ? `after:${after.status}` : undefined);
    } finally {
      inFlight--;
      waiters.shift()?.();
    }
  }

  function handle(method: string, url: URL, rawBody: string, accountId: string, asApp: boolean): RouteReply {
    const user = asApp ? store.users.get(APP_ACCOUNT_ID) : store.users.get(accountId);
    if (!user || !user.active)
      return {
        status: 401,
        body: { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} },
      };
    const match = spec.match(method, url.pathname);
    if (!match)
      return {
        status: 404,
        body: {
          errorMessages: [`No ${method} ${url.pathname} in Jira Cloud's REST API (per Atlassian's OpenAPI specs).`],
          errors: {},
        },
      };
    const handler = routes[`${method} ${match.op.template}`];
    if (!handler)
      return {
        status: 404,
        body: { errorMessages: [`The emulator does not implement ${method} ${match.op.template} yet.`], errors: {} },
      };
    let body: unknown;
    if (rawBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return {
          status: 400,
          body: { errorMessages: ['Unexpected character in the request body: it is not valid JSON.'], errors: {} },
        };
      }
    }
    const problems = [
      ...spec.validateQuery(match.op, url.searchParams),
      ...(body === undefined && match.op.bodyRequired ? ['request body is required'] : []),
      ...(body !== undefined ? spec.validateRequestBody(match.op, body) : []),
    ];
    if (problems.length > 0)
      return {
        status: 400,
        body: {
          errorMessages: problems.map((p) => `Request does not match the Jira Cloud REST API spec: ${p}`),
          errors: {},
        },
      };
    let reply: RouteReply;
    try {
      reply = handler({
        store,
        caller: { user, isApp: asApp },
        params: match.params,
        query: url.searchParams,
        body,
        render: new Renderer(store, base),
        index,
        now: now(),
        base,
        knobs,
      });
    } catch (e) {
      if (e instanceof HttpError) reply = { status: e.status, body: e.body() };
      else throw e;
    }
    if (!UNDOCUMENTED_STATUSES.has(`${reply.status} ${method} ${match.op.template}`)) {
      const issues = spec.validateResponse(match.op, reply.status, reply.body);
      if (issues.length > 0) {
        const msg = `${method} ${match.op.template} -> ${reply.status}: ${issues.join('; ')}`;
        drift.push(msg);
        if (opts.strictResponses !== false)
          return {
            status: 500,
            body: { errorMessages: [`Emulator response drifted from Atlassian's spec: ${msg}`], errors: {} },
          };
      }
    }
    return reply;
  }

  function send(res: http.ServerResponse, record: CallRecord, reply: RouteReply, started: number, faulted?: string) {
    record.status = reply.status;
    record.ms = Date.now() - started;
    record.issues = issuesReturned(reply.body);
    if (faulted) record.faulted = faulted;
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    if (reply.body !== undefined) headers['Content-Type'] = 'application/json;charset=UTF-8';
    res.writeHead(reply.status, headers);
    res.end(reply.body !== undefined ? JSON.stringify(reply.body) : undefined);
  }

  function control(path: string, method: string, raw: string, res: http.ServerResponse) {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/__emulator/calls' && method === 'GET') return reply(200, calls);
    if (path === '/__emulator/calls' && method === 'DELETE') {
      calls.length = 0;
      return reply(200, {});
    }
    if (path === '/__emulator/cost' && method === 'GET') return reply(200, costOf(calls));
    if (path === '/__emulator/drift') return reply(200, drift);
    if (path === '/__emulator/index/settle' && method === 'POST') {
      store.settleIndex();
      return reply(200, {});
    }
    if (path === '/__emulator/knobs' && method === 'POST') {
      try {
        Object.assign(knobs, JSON.parse(raw || '{}'));
        store.cacheSearches = knobs.cacheSearches;
      } catch {
        return reply(400, { error: 'knobs must be JSON' });
      }
      return reply(200, knobs);
    }
    return reply(404, { error: `unknown control ${method} ${path}` });
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    store,
    knobs,
    calls,
    drift,
    settleIndex: () => store.settleIndex(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

function ensureAppUser(store: JiraStore) {
  if (!store.users.has(APP_ACCOUNT_ID))
    store.putUser({
      accountId: APP_ACCOUNT_ID,
      displayName: 'Post-mortem Loop (app)',
      email: 'app@connect.invalid',
      active: true,
      siteAdmin: true,
      timeZone: 'UTC',
    });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
