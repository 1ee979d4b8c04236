import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { route } from '@forge/api';
import { z } from 'zod';
import { readJson, withRetry } from '../../src/jira/client';
import { JiraError, JiraResponseShapeError } from '../../src/jira/errors';
import type { JiraResponse, JiraTransport } from '../../src/jira/transport';

const response = (status: number, body: unknown, headers: Record<string, string> = {}): JiraResponse => ({
  status,
  headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
  text: async () => (body === undefined ? '' : JSON.stringify(body)),
});

function scripted(answers: JiraResponse[]): JiraTransport & { calls: number } {
  const t = {
    calls: 0,
    async requestJira() {
      const a = answers[Math.min(t.calls, answers.length - 1)];
      t.calls++;
      if (!a) throw new Error('no answer');
      return a;
    },
  };
  return t;
}

describe('Jira client: retries', () => {
  it('retries a 429 after Retry-After, then succeeds', async () => {
    const sleeps: number[] = [];
    const t = scripted([
      response(429, {}, { 'retry-after': '2' }),
      response(429, {}, { 'retry-after': '1' }),
      response(200, { ok: 1 }),
    ]);
    const res = await withRetry(t, {
      maxRetries: 3,
      maxWaitMs: 10_000,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    }).requestJira(route`/rest/api/3/myself`, { method: 'GET' });
    assert.equal(res.status, 200);
    assert.equal(t.calls, 3);
    assert.ok((sleeps[0] ?? 0) >= 2000 && (sleeps[0] ?? 0) < 2200, `waited ${sleeps[0]}`);
    assert.ok((sleeps[1] ?? 0) >= 1000 && (sleeps[1] ?? 0) < 1200);
  });
  it('gives up after the bounded number of retries and reports the rate limit clearly', async () => {
    const t = scripted([
      response(429, { errorMessages: [] }, { 'retry-after': '1', 'ratelimit-reason': 'jira-quota-tenant-based' }),
    ]);
    const res = await withRetry(t, { maxRetries: 2, maxWaitMs: 10, sleep: async () => {} }).requestJira(
      route`/rest/api/3/myself`,
      { method: 'GET' },
    );
    assert.equal(t.calls, 3);
    const err = await readJson(res, z.object({}), 'Read the current user').catch((e: unknown) => e);
    assert.ok(err instanceof JiraError);
    assert.equal(err.status, 429);
    assert.equal(err.rateLimitReason, 'jira-quota-tenant-based');
    assert.match(err.message, /rate limiting/);
  });
  it('caps a long Retry-After so a resolver stays inside its time limit', async () => {
    const sleeps: number[] = [];
    const t = scripted([response(429, {}, { 'retry-after': '120' }), response(200, {})]);
    await withRetry(t, {
      maxRetries: 3,
      maxWaitMs: 5000,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    }).requestJira(route`/rest/api/3/myself`, { method: 'GET' });
    assert.deepEqual(sleeps, [5000]);
  });
  it('retries a 5xx for GET but never repeats a write that may have happened', async () => {
    const get = scripted([response(503, {}), response(200, {})]);
    assert.equal(
      (
        await withRetry(get, { maxRetries: 3, maxWaitMs: 1, sleep: async () => {} }).requestJira(
          route`/rest/api/3/myself`,
          { method: 'GET' },
        )
      ).status,
      200,
    );
    const post = scripted([response(500, {}), response(201, {})]);
    assert.equal(
      (
        await withRetry(post, { maxRetries: 3, maxWaitMs: 1, sleep: async () => {} }).requestJira(
          route`/rest/api/3/issue`,
          { method: 'POST', body: '{}' },
        )
      ).status,
      500,
    );
    assert.equal(post.calls, 1);
  });
});

describe('Jira client: answers', () => {
  it("turns a non-2xx into a typed error carrying Jira's messages", async () => {
    const err = await readJson(
      response(400, { errorMessages: ['Bad JQL'], errors: { summary: 'required' } }),
      z.object({}),
      'Search issues',
    ).catch((e: unknown) => e);
    assert.ok(err instanceof JiraError);
    assert.deepEqual(err.errorMessages, ['Bad JQL']);
    assert.deepEqual(err.fieldErrors, { summary: 'required' });
    assert.match(err.message, /Search issues failed with HTTP 400: Bad JQL; summary: required/);
  });
  it('refuses a 2xx whose body does not have the shape the app relies on', async () => {
    const err = await readJson(response(200, { count: 'many' }), z.object({ count: z.number() }), 'Count issues').catch(
      (e: unknown) => e,
    );
    assert.ok(err instanceof JiraResponseShapeError);
    assert.match(err.message, /count/);
  });
  it('encodes query parameters and refuses path manipulation', () => {
    assert.equal(
      route`/rest/api/3/user/assignable/search?query=${'a b&c'}`.value,
      '/rest/api/3/user/assignable/search?query=a%20b%26c',
    );
    assert.throws(() => route`/rest/api/3/issue/${'../../admin'}`, /path manipulation/);
  });
});
