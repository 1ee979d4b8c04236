import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeTitle } from '../../src/domain/rules';

describe('the composed title', () => {
  it('fills the template without its placeholder brackets', () => {
    assert.equal(
      composeTitle({ service: 'search', symptom: 'timeouts under peak load', date: '2026-11-15' }),
      'Incident: search timeouts under peak load on 2026-11-15',
    );
  });
  it('names the missing parts with the template words', () => {
    assert.equal(composeTitle({ service: ' ', symptom: '', date: null }), 'Incident: SERVICE SYMPTOM on DATE');
  });
});
