import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runFaultMatrix } from '../support/fault-matrix';
import { startTestJira, type TestJira } from '../support/jira';

let jira: TestJira;
before(async () => {
  jira = await startTestJira();
});
after(async () => {
  await jira.close();
});

describe('a fault at every write step, then a retry, ends in exactly the intended state (short variant)', () => {
  it('saving, ticket creation, review outcomes, settings and the scheduled job (Jira and app storage); a lost answer and no answer', async () => {
    // npm run soak runs every fault kind (5xx before, lost answer, 429, no answer before and after the write).
    const results = await runFaultMatrix(jira, ['500-after', 'timeout']);
    const failed = results.filter((r) => !r.ok);
    assert.deepEqual(
      failed.map((r) => `${r.area}/${r.step}/${r.kind}: ${r.problem ?? (r.fired ? 'crashed' : 'fault did not fire')}`),
      [],
    );
    assert.ok(results.length >= 20);
  });
});
