import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { SimilarCandidate } from '@shared/contract';
import { call } from '@ui/api';
import { ActionResult } from '@ui/ActionResult';
import { useDraft, useDraftStore, usePanelData, useUpdate } from '../state/PanelState';
import { useAction } from '@ui/use-action';

const STRENGTH: Record<SimilarCandidate['strength'], { label: string; appearance: 'success' | 'default' }> = {
  strong: { label: 'strong match', appearance: 'success' },
  possible: { label: 'possible match', appearance: 'default' },
};

/**
 * "Same root cause as an earlier incident?" Ranked on request, with the words typed so far (saved or not), so
 * opening the panel costs nothing for it. Each candidate says how alike it is in words, and which words it shares.
 */
export function SimilarIncidents() {
  const repeatOf = useDraft((d) => d.repeatOf);
  const rejected = useDraft((d) => d.rejectedRepeats);
  const hasRootCause = useDraft((d) => d.rootCause.trim().length > 0);
  const store = useDraftStore();
  const update = useUpdate();
  const data = usePanelData();
  const [candidates, setCandidates] = useState<SimilarCandidate[] | null>(null);
  const find = useAction(async () => {
    const d = store.doc;
    const r = await call('panel/similar', {
      rootCause: d.rootCause,
      factors: Object.values(d.contributingFactors),
      service: d.service,
      category: d.category,
    });
    if (!r.ok) return r;
    setCandidates(r.data.candidates);
    const shown = r.data.candidates.filter((c) => !d.rejectedRepeats.includes(c.key)).length;
    return {
      ok: true,
      message: shown
        ? `${shown} earlier incident${shown > 1 ? 's look' : ' looks'} alike.`
        : 'No earlier post-mortem looks alike.',
    };
  });
  const repeatWhileOpen =
    data.postmortem?.repeatWhileOpen === 1 && repeatOf !== null && data.postmortem.doc.repeatOf === repeatOf;
  const shown = (candidates ?? []).filter((c) => c.key !== repeatOf && !rejected.includes(c.key));
  return (
    <div
      data-testid="similar"
      style={{
        background: token('color.background.neutral.subtle', '#F7F8F9'),
        padding: token('space.100', '8px'),
        borderRadius: 3,
      }}
    >
      <strong>Same root cause as an earlier incident?</strong>
      {repeatOf && (
        <p data-testid="repeat-of">
          Confirmed: repeats <Lozenge appearance="moved">{repeatOf}</Lozenge>{' '}
          <Button
            appearance="subtle"
            aria-label={`Undo: not a repeat of ${repeatOf}`}
            onClick={() => update((d) => ({ ...d, repeatOf: null }))}
          >
            Undo
          </Button>
        </p>
      )}
      {repeatWhileOpen && (
        <p data-testid="repeat-while-open" style={{ color: token('color.text.danger', '#AE2E24') }}>
          {repeatOf} still had open action items when this incident happened: the follow-up that could have prevented it
          was not finished.
        </p>
      )}
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', margin: '4px 0' }}>
        <Button testId="find-similar" isDisabled={!hasRootCause} isLoading={find.busy} onClick={() => find.run()}>
          {candidates ? 'Look again' : 'Find similar earlier incidents'}
        </Button>
        {!hasRootCause && <span style={{ fontSize: 12 }}>Write the root cause first.</span>}
        <ActionResult outcome={find.outcome} testId="similar-result" />
      </div>
      {shown.length > 0 && (
        <ul style={{ paddingLeft: 16, margin: 0 }}>
          {shown.map((s) => (
            <li key={s.key} data-testid="similar-candidate" style={{ marginBottom: 8 }}>
              <strong>{s.key}</strong>{' '}
              <Lozenge appearance={STRENGTH[s.strength].appearance}>{STRENGTH[s.strength].label}</Lozenge>{' '}
              <span style={{ color: token('color.text.subtle', '#44546F') }}>
                {s.service}, {s.created.slice(0, 10)}
              </span>
              <div>{s.rootCause}</div>
              {s.sharedWords.length > 0 && (
                <div data-testid="shared-words" style={{ fontSize: 12, color: token('color.text.subtle', '#44546F') }}>
                  Shares: {s.sharedWords.join(', ')}
                </div>
              )}
              <div style={{ display: 'flex', gap: 8, marginTop: 4 }}>
                {!repeatOf && (
                  <Button
                    appearance="primary"
                    spacing="compact"
                    testId={`confirm-${s.key}`}
                    aria-label={`Same root cause as ${s.key}`}
                    onClick={() => update((d) => ({ ...d, repeatOf: s.key }))}
                  >
                    Same root cause
                  </Button>
                )}
                <Button
                  spacing="compact"
                  aria-label={`Not the same root cause as ${s.key}`}
                  onClick={() => update((d) => ({ ...d, rejectedRepeats: [...d.rejectedRepeats, s.key] }))}
                >
                  Not the same
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
