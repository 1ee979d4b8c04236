import type { ResolverMap } from '../../src/resolvers/definitions';
import { composeTitle } from '../../src/domain/rules';
import { markResolvedOnTime } from '../../src/services/on-time';
import { readLastReview, readOutcomesOf } from '../../src/services/review';
import { versionedSettings } from '../../src/services/settings';
import { ActionTicketPropertySchema, IndexRecordSchema, StoredPostMortemSchema } from '../../src/shared/postmortem';
import type { faultyPlatform, KvsFault, TransportFault } from './faulty';
import { filledPostMortem, newIncident } from './incidents';
import type { TestJira } from './jira';

/**
 * The write steps the fault matrix (fault-matrix.ts) tries: each sets up its scenario, meets the fault on its
 * first attempt, and says how to retry and what the intended state is.
 */

export interface World {
  jira: TestJira;
  r: ResolverMap;
  clock: { now: number };
  faults: TransportFault[];
  kvsFaults: KvsFault[];
  app: ReturnType<typeof faultyPlatform>['platform'];
}

const ctx = (issueKey: string, accountId = 'acc-bob') => ({ accountId, issueKey, projectKey: 'OPS' });

/** What a resolver (or the job) answered, as far as the matrix needs it. */
export interface Outcome {
  ok: boolean;
  error?: { code: string; data?: string };
}
export interface Step {
  area: string;
  step: string;
  match: (key: string) => string;
  /** Where the fault is injected: a Jira request ("METHOD path") or an app-storage write ("op key"). */
  store?: 'jira' | 'kvs';
  setup?: (w: World) => void;
  /** Sets up, then calls `arm()` (which injects the fault) right before the first attempt. */
  act: (
    w: World,
    key: string,
    arm: () => void,
  ) => Promise<{
    first: Outcome;
    /** Right after the first attempt: does its answer tell the truth (ok = saved, not-saved = nothing kept)? */
    truth?: () => Promise<string | null> | string | null;
    retry: () => Promise<Outcome>;
    check: () => Promise<string | null> | string | null;
  }>;
}
// The document, its index and the summary are one write (an edit of the incident setting both properties).
const SAVE_STEPS: [string, (key: string) => string][] = [
  ['document, index and summary', (k) => `^PUT /rest/api/3/issue/${k}$`],
  ['repeat link', () => '^POST /rest/api/3/issueLink$'],
];
const TICKET_STEPS: [string, (key: string) => string, 'issuelinks' | 'sprint' | null][] = [
  ['create', () => '^POST /rest/api/3/issue/bulk$', null],
  ['link', () => '^POST /rest/api/3/issueLink$', 'issuelinks'],
  ['sprint move', () => '^POST /rest/agile/1.0/sprint/\\d+/issue$', 'sprint'],
  ['ticket keys', (k) => `^PUT /rest/api/3/issue/${k}$`, null],
];

const issue = (w: World, key: string) => w.jira.emulator.store.issuesByKey.get(key);

async function saveScenario(w: World, key: string) {
  const earlier = await newIncident(w.jira, 'Earlier outage');
  const e = await w.r['panel/save'](
    { doc: filledPostMortem(1), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
    ctx(earlier),
  );
  if (!e.ok) throw new Error(`setup: ${JSON.stringify(e)}`);
  const doc = filledPostMortem(2);
  doc.repeatOf = earlier;
  const loaded = issue(w, key)?.summary ?? '';
  const save = (base: number) =>
    w.r['panel/save']({ doc, baseVersion: base, syncSummary: true, summaryLoaded: loaded }, ctx(key));
  w.jira.emulator.calls.length = 0;
  return { doc, earlier, save };
}

export const STEPS: Step[] = [
  ...SAVE_STEPS.map(([step, match]): Step => ({
    area: 'save',
    step,
    match,
    act: async (w, key, arm) => {
      const { doc, earlier, save } = await saveScenario(w, key);
      arm();
      const first = await save(0);
      return {
        first,
        // The person's next click: from the version they were told about (none if the answer was an error).
        retry: () => save(first.ok ? first.data.postmortem.version : 0),
        check: () => {
          const s = StoredPostMortemSchema.safeParse(issue(w, key)?.properties.postmortem);
          const idx = IndexRecordSchema.safeParse(issue(w, key)?.properties.postmortemIndex);
          const links = [...w.jira.emulator.store.links.values()].filter(
            (l) => l.inwardIssueId === issue(w, key)?.id && l.outwardIssueId === issue(w, earlier)?.id,
          );
          if (!s.success || s.data.doc.lessons !== doc.lessons) return 'document not saved';
          if (s.data.version !== 1) return `saved ${s.data.version} times`;
          if (!idx.success || idx.data.version !== s.data.version) return 'index lags';
          if (issue(w, key)?.summary !== composeTitle(doc.title)) return 'summary not updated';
          if (links.length !== 1) return `${links.length} repeat links`;
          return null;
        },
      };
    },
  })),
  ...TICKET_STEPS.map(([step, match, exclude]): Step => ({
    area: 'tickets',
    step,
    match,
    setup: (w) => {
      const p = w.jira.emulator.store.projectByKeyOrId('OPS');
      if (p)
        p.createScreenExcludes =
          exclude === 'issuelinks'
            ? ['issuelinks']
            : exclude === 'sprint'
              ? [w.jira.emulator.store.sprintFieldId()]
              : [];
    },
    act: async (w, key, arm) => {
      const s = await w.r['panel/save'](
        { doc: filledPostMortem(3), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
        ctx(key),
      );
      if (!s.ok) throw new Error(`setup: ${JSON.stringify(s)}`);
      let n = 0;
      const create = () => w.r['actions/create']({ requestId: `matrix-${key}-${++n}` }, ctx(key));
      arm();
      const first = await create();
      return { first, retry: create, check: () => ticketProblem(w, key) };
    },
  })),
  {
    area: 'review',
    step: 'reassign',
    match: () => '^PUT /rest/api/3/issue/OPS-\\d+$',
    act: async (w, key, arm) => {
      const load = await w.r['panel/load']({}, ctx(key));
      const ticket = load.ok ? load.data.review.first.items.find((t) => !t.outcome)?.key : undefined;
      if (!ticket) throw new Error('setup: no open ticket');
      const record = () =>
        w.r['review/outcome'](
          { ticketKey: ticket, outcome: 'reassigned', note: 'moved', reassignTo: 'acc-carol', baseVersion: 0 },
          ctx(key),
        );
      arm();
      const first = await record();
      return {
        first,
        retry: record,
        check: async () => {
          const o = (await readOutcomesOf(w.jira.kvs, 'OPS', [ticket])).get(ticket);
          if (o?.outcome !== 'reassigned' || o.version !== 1) return 'outcome not recorded once';
          return issue(w, ticket)?.assigneeId === 'acc-carol' ? null : 'not reassigned in Jira';
        },
      };
    },
  },
  ...(['outcome version', 'review complete'] as const).map((step): Step => ({
    area: 'review',
    step,
    store: 'kvs',
    match: () => (step === 'outcome version' ? '^setIfAbsent review-outcome:OPS:' : '^set review-last:OPS$'),
    act: async (w, key, arm) => {
      const load = await w.r['panel/load']({}, ctx(key));
      const ticket = load.ok ? (load.data.review.first.items.find((t) => !t.outcome)?.key ?? '') : '';
      if (!ticket && step === 'outcome version') throw new Error('setup: no open ticket');
      const before = w.clock.now;
      const act = () =>
        step === 'outcome version'
          ? w.r['review/outcome'](
              { ticketKey: ticket, outcome: 'done', note: 'fixed in 4.2', reassignTo: null, baseVersion: 0 },
              ctx(key),
            )
          : w.r['review/complete']({}, ctx(key));
      const held = async () =>
        step === 'outcome version'
          ? (await readOutcomesOf(w.jira.kvs, 'OPS', [ticket])).get(ticket)?.version === 1
          : Date.parse(await readLastReview(w.jira.kvs, 'OPS', w.clock.now)) >= before;
      arm();
      const first = await act();
      return {
        first,
        truth: async () => storedTruth(first, await held()),
        retry: act,
        check: async () => {
          if (step === 'review complete') return (await held()) ? null : 'last review not moved';
          const o = (await readOutcomesOf(w.jira.kvs, 'OPS', [ticket])).get(ticket);
          return o?.outcome === 'done' && o.version === 1 && o.recordedBy === 'acc-bob'
            ? null
            : `outcome ${JSON.stringify(o)}`;
        },
      };
    },
  })),
  ...(
    [
      ['permission check', 'jira', '^GET /rest/api/3/mypermissions$'],
      ['version key', 'kvs', '^setIfAbsent project-settings-version:OPS:'],
      ['settings record', 'kvs', '^set project-settings:OPS$'],
    ] as const
  ).map(([step, store, match]): Step => ({
    area: 'settings',
    step,
    store,
    match: () => match,
    act: async (w, _key, arm) => {
      const admin = { accountId: 'acc-alice', projectKey: 'OPS' };
      const loaded = await w.r['settings/load']({}, admin);
      if (!loaded.ok) throw new Error(`setup: ${JSON.stringify(loaded)}`);
      const base = loaded.data.version;
      const wanted = { ...loaded.data.settings, categories: [...loaded.data.settings.categories, `Matrix ${base}`] };
      const save = () => w.r['settings/save']({ settings: wanted, baseVersion: base }, admin);
      const stored = () => versionedSettings(w.jira.kvs, 'OPS');
      arm();
      const first = await save();
      return {
        first,
        truth: async () => storedTruth(first, (await stored()).version === base + 1),
        // The admin's next click: the form still holds the version it was opened with.
        retry: save,
        check: async () => {
          const s = await stored();
          if (s.version !== base + 1) return `stored version ${s.version}, expected ${base + 1}`;
          if (JSON.stringify(s.settings.categories) !== JSON.stringify(wanted.categories)) return 'other settings';
          return s.updatedBy === 'acc-alice' ? null : `saved by ${s.updatedBy}`;
        },
      };
    },
  })),
  {
    area: 'scheduled job',
    step: 'resolvedOnTime',
    match: () => '^PUT /rest/api/3/issue/OPS-\\d+/properties/postmortemAction$',
    act: async (w, _key, arm) => {
      // Three open action tickets are resolved now: the job has them to mark.
      const store = w.jira.emulator.store;
      const open = [...store.issues.values()]
        .filter((t) => ActionTicketPropertySchema.safeParse(t.properties.postmortemAction).success && !t.resolutiondate)
        .slice(0, 3);
      for (const t of open) store.putIssue({ ...t, statusId: '10003', resolutiondate: '2026-11-26T11:00:00.000+0000' });
      const run = (): Promise<Outcome & { n?: number }> =>
        markResolvedOnTime(w.app.asApp(), ['OPS'], 50).then(
          (n) => ({ ok: true, n }),
          (e: unknown) => ({ ok: false, error: { code: e instanceof Error ? e.name : 'error' } }),
        );
      arm();
      const first = await run();
      return {
        first,
        retry: async () => {
          // The job runs again on its schedule until nothing is left.
          for (let i = 0; i < 400; i++) {
            const x = await run();
            if (!x.ok || x.n === 0) return x;
          }
          return { ok: false };
        },
        check: () => {
          const left = [...w.jira.emulator.store.issues.values()].filter((t) => {
            const p = ActionTicketPropertySchema.safeParse(t.properties.postmortemAction);
            return p.success && t.resolutiondate && p.data.resolvedOnTime === undefined;
          });
          return left.length ? `${left.length} resolved tickets not marked` : null;
        },
      };
    },
  },
];

/** An answer is true when ok means stored, and "not saved" means not stored ("unknown" is always true). */
function storedTruth(answer: Outcome, stored: boolean): string | null {
  if (answer.ok && !stored) return 'answered ok, but nothing was stored';
  if (!answer.ok && answer.error?.data === 'not-saved' && stored) return 'answered "not saved", but it was stored';
  if (!answer.ok && !answer.error?.data)
    return `answered ${answer.error?.code ?? 'error'} without saying what was saved`;
  return null;
}

function ticketProblem(w: World, key: string): string | null {
  const store = w.jira.emulator.store;
  const tickets = [...store.issues.values()].filter(
    (i) => ActionTicketPropertySchema.safeParse(i.properties.postmortemAction).data?.incident === key,
  );
  if (tickets.length !== 3) return `${tickets.length} tickets`;
  const incident = store.issuesByKey.get(key);
  const s = StoredPostMortemSchema.safeParse(incident?.properties.postmortem);
  for (const t of tickets) {
    const linked = [...store.links.values()].some((l) => l.inwardIssueId === incident?.id && l.outwardIssueId === t.id);
    if (!linked) return `${t.key} not linked`;
    if (!t.sprintIds.some((id) => store.sprints.get(id)?.state === 'future')) return `${t.key} not in the sprint`;
    if (!s.success || !s.data.doc.actionItems.some((a) => a.ticketKey === t.key)) return `${t.key} not recorded`;
  }
  return null;
}
