import { useCallback, useEffect, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { call } from '@ui/api';
import { ErrorMessage } from '@ui/ErrorMessage';
import type { PanelData } from '@shared/contract';
import type { AppError } from '@shared/result';
import { PostMortemSummary } from './PostMortemSummary';

type State = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; data: PanelData };

export function PanelApp() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const r = await call('panel/load', {});
    setState(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error });
  }, []);
  useEffect(() => { void load(); }, [load]);

  return (
    <main style={{ padding: token('space.100', '8px'), color: token('color.text', '#172B4D'), background: token('elevation.surface', '#FFFFFF'), fontFamily: 'inherit' }} data-testid="panel">
      {state.kind === 'loading' && <Spinner label="Loading the post-mortem" />}
      {state.kind === 'error' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
      {state.kind === 'ready' && !state.data.isIncident && (
        <SectionMessage appearance="information" title="Not an incident">
          <p>Post-mortems are written on issues of type Incident. {state.data.issue.key} is a {state.data.issue.issueType || 'different type'}.</p>
        </SectionMessage>
      )}
      {state.kind === 'ready' && state.data.isIncident && <PostMortemSummary data={state.data} />}
    </main>
  );
}
