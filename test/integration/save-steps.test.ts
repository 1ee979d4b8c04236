import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { composeTitle } from '../../src/domain/rules';
import { IndexRecordSchema, StoredPostMortemSchema } from '../../src/shared/postmortem';
import { faultyPlatform, type TransportFault } from '../support/faulty';
import { filledPostMortem, newIncident } from '../support/incidents';
import { raw, startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
let r: ResolverMap;
let faults: TransportFault[];
beforeEach(async () => {
  await jira?.close();
  jira = await startTestJira();
  const f = faultyPlatform(jira);
  r = buildResolvers(f.platform);
  faults = f.faults;
});
after(async () => {
  await jira?.close();
});

const ctx = (issueKey: string, accountId = 'acc-bob') => ({ accountId, issueKey, projectKey: 'OPS' });
const issue = (key: string) => jira.emulator.store.issuesByKey.get(key);
const stored = (key: string) => StoredPostMortemSchema.parse(issue(key)?.properties.postmortem);
const writes = () => jira.emulator.calls.filter((c) => c.method !== 'GET' && !c.path.includes('/search')).length;
const TITLE = composeTitle(filledPostMortem(1).title);

/** An earlier incident (with a post-mortem) to name as "same root cause". */
async function earlierIncident() {
  const key = await newIncident(jira, 'Earlier outage');
  assert.ok(
    (
      await r['panel/save'](
        { doc: filledPostMortem(1), baseVersion: 0, syncSummary: false, summaryLoaded: '' },
        ctx(key),
      )
    ).ok,
  );
  return key;
}
const repeatLinks = (key: string) =>
  [...jira.emulator.store.links.values()].filter(
    (l) =>
      jira.emulator.store.linkTypes.get(l.typeId)?.name === 'Post-mortem repeat' &&
      (l.inwardIssueId === issue(key)?.id || l.outwardIssueId === issue(key)?.id),
  );

describe('a save says exactly what was saved and what is pending; the retry completes it', () => {
  it('the summary edit fails after the document is written: saved, summary pending, the retry completes it', async () => {
    const key = await newIncident(jira);
    // The summary travels with the document's write. Jira refuses it (not on the edit screen): the document is
    // written without it, and the summary edit on its own is refused too.
    const project = jira.emulator.store.projectByKeyOrId('OPS');
    assert.ok(project);
    project.editScreenExcludes = ['summary'];
    const first = await r['panel/save'](
      { doc: filledPostMortem(1), baseVersion: 0, syncSummary: true, summaryLoaded: 'Checkout errors after deploy' },
      ctx(key),
    );
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.data.postmortem.version, 1);
    assert.ok(
      first.data.pending.some((p) => /summary/.test(p)),
      JSON.stringify(first.data),
    );
    assert.match(first.data.warning ?? '', /^Saved\. Still pending/);
    assert.equal(issue(key)?.summary, 'Checkout errors after deploy');
    project.editScreenExcludes = [];
    const retry = await r['panel/save'](
      { doc: filledPostMortem(1), baseVersion: 1, syncSummary: true, summaryLoaded: 'Checkout errors after deploy' },
      ctx(key),
    );
    assert.ok(retry.ok, JSON.stringify(retry));
    assert.deepEqual(retry.data.pending, []);
    assert.equal(issue(key)?.summary, TITLE);
    assert.equal(stored(key).version, 1, 'an unchanged document is not written again');
  });

  it('Jira refuses the edit as a whole (a read-only status): the document goes through its own endpoint', async () => {
    const key = await newIncident(jira);
    // One refusal of the combined edit (document, index and summary): not a refusal of the summary field.
    jira.emulator.knobs.faults.push({ match: `^PUT /rest/api/3/issue/${key}$`, status: 400, times: 1, when: 'before' });
    const res = await r['panel/save'](
      { doc: filledPostMortem(1), baseVersion: 0, syncSummary: true, summaryLoaded: 'Checkout errors after deploy' },
      ctx(key),
    );
    assert.equal(jira.emulator.knobs.faults[0]?.times, 0, 'the fault fired');
    jira.emulator.knobs.faults = [];
    assert.ok(res.ok, JSON.stringify(res));
    assert.equal(stored(key).version, 1);
    assert.equal(stored(key).doc.lessons, filledPostMortem(1).lessons);
    assert.equal(IndexRecordSchema.parse(issue(key)?.properties.postmortemIndex).version, 1, 'the index followed');
    assert.equal(issue(key)?.summary, TITLE, 'the summary followed on its own edit');
    assert.deepEqual(res.data.pending, []);
  });
  it('the repeat link fails: saved, link pending; the retry (even with the old version) makes the link', async () => {
    const earlier = await earlierIncident();
    const key = await newIncident(jira);
    const doc = filledPostMortem(1);
    doc.repeatOf = earlier;
    jira.emulator.knobs.faults.push({ match: '^POST /rest/api/3/issueLink$', status: 503, times: 1, when: 'before' });
    const first = await r['panel/save']({ doc, baseVersion: 0, syncSummary: false, summaryLoaded: '' }, ctx(key));
    assert.ok(first.ok, JSON.stringify(first));
    assert.ok(first.data.pending.some((p) => p.includes(earlier)));
    assert.equal(repeatLinks(key).length, 0);
    // The person's client still thinks it is at version 0 (e.g. it was told "unknown"): their own save, no conflict.
    const retry = await r['panel/save']({ doc, baseVersion: 0, syncSummary: false, summaryLoaded: '' }, ctx(key));
    assert.ok(retry.ok, JSON.stringify(retry));
    assert.deepEqual(retry.data.pending, []);
    assert.equal(repeatLinks(key).length, 1);
    assert.equal(stored(key).version, 1);
  });

  it('a repeatOf that does not exist, cannot be seen, or is not an incident is refused before anything is stored', async () => {
    const key = await newIncident(jira);
    const task = await raw(jira.emulator, 'POST', '/rest/api/3/issue', {
      as: 'acc-bob',
      body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Not an incident' } },
    });
    for (const repeatOf of ['OPS-999999', 'NOPE-1', (task.json as { key: string }).key]) {
      const doc = filledPostMortem(1);
      doc.repeatOf = repeatOf;
      const before = writes();
      const res = await r['panel/save']({ doc, baseVersion: 0, syncSummary: false, summaryLoaded: '' }, ctx(key));
      assert.equal(res.ok ? '' : res.error.code, 'VALIDATION', `${repeatOf}: ${JSON.stringify(res)}`);
      assert.equal(res.ok ? '' : res.error.data, 'not-saved');
      assert.equal(writes(), before, 'nothing written');
      assert.equal(issue(key)?.properties.postmortem, undefined);
    }
  });
});

describe('the summary follows the title only when the person changed the title', () => {
  it('an unrelated save keeps a summary someone edited in Jira after the panel loaded', async () => {
    const key = await newIncident(jira);
    assert.ok(
      (
        await r['panel/save'](
          { doc: filledPostMortem(1), baseVersion: 0, syncSummary: true, summaryLoaded: 'x' },
          ctx(key),
        )
      ).ok,
    );
    assert.equal(issue(key)?.summary, TITLE);
    // The panel loaded TITLE; then someone edits the summary in Jira.
    const edited = await raw(jira.emulator, 'PUT', `/rest/api/3/issue/${key}`, {
      as: 'acc-alice',
      body: { fields: { summary: 'Checkout outage (edited in Jira)' } },
    });
    assert.equal(edited.status, 204);
    const doc = filledPostMortem(1);
    doc.lessons = 'An unrelated change';
    const res = await r['panel/save']({ doc, baseVersion: 1, syncSummary: true, summaryLoaded: TITLE }, ctx(key));
    assert.ok(res.ok, JSON.stringify(res));
    assert.equal(issue(key)?.summary, 'Checkout outage (edited in Jira)');
    // A title the person changes does go to the summary.
    doc.title.symptom = 'timeouts';
    const titled = await r['panel/save'](
      { doc, baseVersion: 2, syncSummary: true, summaryLoaded: 'Checkout outage (edited in Jira)' },
      ctx(key),
    );
    assert.ok(titled.ok);
    assert.equal(issue(key)?.summary, composeTitle(doc.title));
  });
});

describe('the index property is versioned: a slow index write overtaken by a later save does not win', () => {
  it('ends with the index of the latest document', async () => {
    const key = await newIncident(jira);
    const a = filledPostMortem(1);
    a.service = 'slow-save';
    assert.ok((await r['panel/save']({ doc: a, baseVersion: 0, syncSummary: false, summaryLoaded: '' }, ctx(key))).ok);
    // The index normally travels with the document. Once it is missing (deleted over REST, or written by an older
    // version of the app), a save writes it on its own: that write is held while a later save lands.
    const del = await raw(jira.emulator, 'DELETE', `/rest/api/3/issue/${key}/properties/postmortemIndex`);
    assert.equal(del.status, 204);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    faults.push({
      match: /^PUT \/rest\/api\/3\/issue\/[A-Z]+-\d+\/properties\/postmortemIndex$/,
      times: 1,
      kind: 'hold',
      until: held,
    });
    const slow = r['panel/save']({ doc: a, baseVersion: 1, syncSummary: false, summaryLoaded: '' }, ctx(key));
    // Wait until A's index write is being held.
    while (faults[0]?.times !== 0) await new Promise((res) => setTimeout(res, 5));
    const b = filledPostMortem(1);
    b.service = 'later-save';
    const later = await r['panel/save'](
      { doc: b, baseVersion: 1, syncSummary: false, summaryLoaded: '' },
      ctx(key, 'acc-carol'),
    );
    assert.ok(later.ok, JSON.stringify(later));
    release();
    assert.ok((await slow).ok);
    const index = IndexRecordSchema.parse(issue(key)?.properties.postmortemIndex);
    assert.equal(stored(key).version, 2);
    assert.equal(index.version, 2);
    assert.equal(index.service, 'later-save');
  });
});
