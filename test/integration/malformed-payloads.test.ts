import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildResolvers, type ResolverMap } from '../../src/resolvers/definitions';
import { payloads, type ResolverName } from '../../src/shared/contract';
import { rng } from '../support/generate';
import { malformed, VALID } from '../support/payloads';
import { newIncident } from '../support/incidents';
import { startTestJira, type TestJira } from '../support/jira';

const PER_RESOLVER = 1000;

let jira: TestJira;
let r: ResolverMap;
let incident: string;
before(async () => {
  jira = await startTestJira();
  r = buildResolvers(jira.platform);
  incident = await newIncident(jira);
});
after(async () => {
  await jira.close();
});

describe(`${PER_RESOLVER} generated malformed payloads per resolver`, () => {
  for (const name of Object.keys(payloads).filter((k): k is ResolverName => k in payloads)) {
    it(`${name}: each answered with a validation error, nothing sent to Jira or stored, no crash`, async () => {
      const gen = rng(9000 + name.length * 131 + name.charCodeAt(0));
      const calls = jira.emulator.calls.length;
      const keys = jira.kvs.keys().length;
      for (let n = 0; n < PER_RESOLVER; n++) {
        const payload = malformed(gen, VALID[name] ?? {});
        const res = await r[name](payload, { accountId: 'acc-bob', issueKey: incident, projectKey: 'OPS' });
        assert.equal(
          res.ok ? 'ok' : res.error.code,
          'VALIDATION',
          `${name} #${n}: ${JSON.stringify(payload).slice(0, 200)}`,
        );
        assert.equal(res.ok ? '' : res.error.data, 'not-saved');
      }
      assert.equal(jira.emulator.calls.length, calls, 'no Jira call');
      assert.equal(jira.kvs.keys().length, keys, 'nothing stored');
    });
  }
});
