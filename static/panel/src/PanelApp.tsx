import { useCallback, useEffect, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { call } from '@ui/api';
import { ErrorMessage } from '@ui/ErrorMessage';
import type { PanelData } from '@shared/contract';
import type { AppError } from '@shared/result';
import { Editor } from './Editor';
import { PanelStateProvider } from './state/PanelState';

type State =
  { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; data: PanelData; loadedAt: number };

export function PanelApp() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [flash, setFlash] = useState<string | null>(null);
  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    const r = await call('panel/load', {});
    setState(r.ok ? { kind: 'ready', data: r.data, loadedAt: Date.now() } : { kind: 'error', error: r.error });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main
      style={{
        padding: token('space.100', '8px'),
        color: token('color.text', '#172B4D'),
        background: token('elevation.surface', '#FFFFFF'),
      }}
      data-testid="panel"
    >
      {state.kind === 'loading' && <Spinner label="Loading the post-mortem" />}
      {state.kind === 'error' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
      {state.kind === 'ready' && !state.data.isIncident && (
        <SectionMessage appearance="information" title="Not an incident">
          <p>
            Post-mortems are written on issues of type Incident. {state.data.issue.key} is a{' '}
            {state.data.issue.issueType || 'different type'}.
          </p>
        </SectionMessage>
      )}
      {state.kind === 'ready' && state.data.postmortemProblem && (
        <SectionMessage appearance="warning" title="Post-mortem could not be read">
          <p>{state.data.postmortemProblem}</p>
        </SectionMessage>
      )}
      {/* The key remounts the state and editor when a new version was saved (here or elsewhere); other reloads keep the draft. */}
      {state.kind === 'ready' && state.data.isIncident && !state.data.postmortemProblem && (
        <PanelStateProvider
          key={state.data.postmortem?.version ?? 0}
          data={state.data}
          reload={() => load(true)}
          flash={[flash, setFlash]}
        >
          <Editor />
        </PanelStateProvider>
      )}
    </main>
  );
}
