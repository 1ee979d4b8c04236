/**
 * npm run soak: the long variants of the fault tests (a few minutes), printing the figures the README shows.
 * Everything runs against the in-process emulator with the app's real resolvers.
 */
import { toAdf, toMarkdown } from '../../src/domain/export';
import { buildResolvers } from '../../src/resolvers/definitions';
import { payloads, type ResolverName } from '../../src/shared/contract';
import { ActionTicketPropertySchema, StoredPostMortemSchema, isWellFormed } from '../../src/shared/postmortem';
import { FAULT_KINDS, runFaultMatrix } from '../support/fault-matrix';
import { faultyPlatform } from '../support/faulty';
import { hostileString, rng } from '../support/generate';
import { filledPostMortem, newIncident } from '../support/incidents';
import { startTestJira } from '../support/jira';
import { malformed, VALID } from '../support/payloads';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const INCIDENTS = arg('incidents', 50);
const CLICKS = arg('clicks', 20);
const MALFORMED = arg('malformed', 2000);
const HOSTILE = arg('hostile', 300);
const rows: [string, string, string][] = [];
const t0 = Date.now();
const ctx = (issueKey: string, accountId = 'acc-bob') => ({ accountId, issueKey, projectKey: 'OPS' });

async function concurrency() {
  // jiraLike: a KVS taking 5-25 ms per operation and a search index that lags writes (reconcileIssues only).
  const jira = await startTestJira({ jiraLike: true });
  const f = faultyPlatform(jira);
  const r = buildResolvers(f.platform);
  let requests = 0;
  let failedAnswers = 0;
  const counts: number[] = [];
  let misbound = 0;
  for (let n = 0; n < INCIDENTS; n++) {
    const key = await newIncident(jira);
    const saved = await r['panel/save'](
      { doc: filledPostMortem(3), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
      ctx(key),
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    jira.emulator.knobs.faults.push({ match: '^POST /rest/api/3/issue/bulk$', status: 500, times: 1, when: 'after' });
    const answers = await Promise.all(
      Array.from({ length: CLICKS }, (_, i) =>
        r['actions/create']({ requestId: `soak-${n}-${i}` }, ctx(key, i % 2 ? 'acc-bob' : 'acc-carol')),
      ),
    );
    jira.emulator.knobs.faults = [];
    f.clock.now += 31_000;
    const last = await r['actions/create']({ requestId: `soak-${n}-final` }, ctx(key));
    requests += CLICKS + 1;
    failedAnswers += [...answers, last].filter((a) => !a.ok).length;
    const tickets = [...jira.emulator.store.issues.values()].filter(
      (i) => ActionTicketPropertySchema.safeParse(i.properties.postmortemAction).data?.incident === key,
    );
    counts.push(tickets.length);
    const doc = StoredPostMortemSchema.parse(jira.emulator.store.issuesByKey.get(key)?.properties.postmortem).doc;
    for (const t of tickets) {
      const item = doc.actionItems.find((a) => a.ticketKey === t.key);
      if (item?.id !== ActionTicketPropertySchema.parse(t.properties.postmortemAction).itemId) misbound++;
    }
  }
  await jira.close();
  const wrong = counts.filter((c) => c !== 3).length;
  rows.push(
    [
      'Concurrent "create tickets"',
      `${INCIDENTS} incidents x ${CLICKS} clicks (2 people), KVS 5-25 ms, search lag, 1 lost answer each`,
      `${requests} requests`,
    ],
    [
      '  tickets (intended 3 each)',
      `${counts.reduce((a, b) => a + b, 0)} of ${INCIDENTS * 3}`,
      wrong ? `FAIL: ${wrong} incidents off` : 'ok',
    ],
    ['  max tickets on one incident', String(Math.max(...counts)), Math.max(...counts) <= 3 ? 'ok' : 'FAIL'],
    ['  tickets bound to the wrong item', String(misbound), misbound ? 'FAIL' : 'ok'],
    ['  error answers', String(failedAnswers), failedAnswers ? 'FAIL' : 'ok'],
  );
}

const steps = (xs: { step: string }[]) => {
  const n = new Set(xs.map((x) => x.step)).size;
  return `${n} write step${n === 1 ? '' : 's'}`;
};

async function faults() {
  const jira = await startTestJira();
  const results = await runFaultMatrix(jira, FAULT_KINDS);
  await jira.close();
  for (const area of [...new Set(results.map((x) => x.area))]) {
    const mine = results.filter((x) => x.area === area);
    const bad = mine.filter((x) => !x.ok);
    rows.push([
      `Fault then retry: ${area}`,
      `${steps(mine)} x ${FAULT_KINDS.length} faults (${FAULT_KINDS.join(', ')})`,
      bad.length
        ? `FAIL ${bad.length}: ${bad.map((b) => `${b.step}/${b.kind}: ${b.problem ?? (b.fired ? 'crash' : 'fault did not fire')}`).join('; ')}`
        : `${mine.length} of ${mine.length} intended state`,
    ]);
  }
}

async function malformedPayloads() {
  const jira = await startTestJira();
  const r = buildResolvers(jira.platform);
  const key = await newIncident(jira);
  const calls = jira.emulator.calls.length;
  const stored = jira.kvs.keys().length;
  let total = 0;
  let validation = 0;
  let crashes = 0;
  for (const name of Object.keys(payloads).filter((k): k is ResolverName => k in payloads)) {
    const gen = rng(77 + name.length);
    for (let n = 0; n < MALFORMED; n++) {
      const res = await r[name](malformed(gen, VALID[name] ?? {}), ctx(key));
      total++;
      if (!res.ok && res.error.code === 'VALIDATION') validation++;
      if (!res.ok && res.error.code === 'INTERNAL') crashes++;
    }
  }
  const writes = jira.emulator.calls.length - calls + jira.kvs.keys().length - stored;
  await jira.close();
  rows.push([
    'Malformed payloads',
    `${MALFORMED} per resolver x ${Object.keys(payloads).length} resolvers (seeded)`,
    `${validation} of ${total} validation errors, ${writes} writes, ${crashes} crashes${validation === total && !writes && !crashes ? '' : ' FAIL'}`,
  ]);
}

async function hostileText() {
  const jira = await startTestJira();
  const r = buildResolvers(jira.platform);
  const gen = rng(4242);
  let kept = 0;
  let refused = 0;
  let wrong = 0;
  let live = 0;
  for (let n = 0; n < HOSTILE; n++) {
    const text = hostileString(gen, 12);
    const key = await newIncident(jira);
    const doc = filledPostMortem(1);
    doc.lessons = text;
    doc.wentWell = [text];
    const res = await r['panel/save']({ doc, baseVersion: 0, syncSummary: false, summaryLoaded: '' }, ctx(key));
    if (!res.ok) {
      if (res.error.code === 'VALIDATION' && !isWellFormed(text)) refused++;
      else wrong++;
      continue;
    }
    const s = StoredPostMortemSchema.parse(jira.emulator.store.issuesByKey.get(key)?.properties.postmortem);
    const md = toMarkdown(s.doc, []);
    const adf = JSON.stringify(toAdf(s.doc, []));
    if (s.doc.lessons === text && s.doc.wentWell[0] === text && adf.includes(JSON.stringify(text).slice(1, -1))) kept++;
    else wrong++;
    if (/<script|<img|\]\(javascript:/i.test(md) || md.split('\n').filter((l) => /^#/.test(l)).length !== 9) live++;
  }
  await jira.close();
  rows.push([
    'Hostile text',
    `${HOSTILE} generated strings (quotes, controls, surrogates, markup) in the document`,
    `${kept} kept as text, ${refused} refused (half characters), ${wrong} wrong, ${live} live in Markdown${wrong || live ? ' FAIL' : ''}`,
  ]);
}

async function main() {
  await concurrency();
  await faults();
  await malformedPayloads();
  await hostileText();
  print();
}

function print() {
  const w = [0, 1].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  console.log(`\nSoak run, ${new Date().toISOString().slice(0, 10)}, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  console.log(`| ${'What'.padEnd(w[0] ?? 0)} | ${'How'.padEnd(w[1] ?? 0)} | Result |`);
  console.log(`| ${'-'.repeat(w[0] ?? 0)} | ${'-'.repeat(w[1] ?? 0)} | ------ |`);
  for (const [a, b, c] of rows) console.log(`| ${a.padEnd(w[0] ?? 0)} | ${b.padEnd(w[1] ?? 0)} | ${c} |`);
  process.exitCode = rows.some((row) => row[2].includes('FAIL')) ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
