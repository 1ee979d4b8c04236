import { useCallback, useEffect, useState } from 'react';
import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { call } from '@ui/api';
import { ErrorMessage } from '@ui/ErrorMessage';
import type { PageData } from '@shared/contract';
import type { AppError } from '@shared/result';
import { FigureCard } from './FigureCard';

type State = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; data: PageData };

export function PageApp() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const r = await call('page/load', {});
    setState(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error });
  }, []);
  useEffect(() => { void load(); }, [load]);

  return (
    <main data-testid="page" style={{ padding: token('space.300', '24px'), color: token('color.text', '#172B4D'), background: token('elevation.surface', '#FFFFFF'), minHeight: '100vh' }}>
      <Heading size="large">Incident learning</Heading>
      <p style={{ color: token('color.text.subtle', '#44546F') }}>Are our post-mortems changing what happens next? Every figure links to the Jira search behind it.</p>
      {state.kind === 'loading' && <Spinner label="Loading the report" />}
      {state.kind === 'error' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
      {state.kind === 'ready' && (
        <section aria-label="Headline figures" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: token('space.200', '16px'), marginTop: token('space.200', '16px') }}>
          {state.data.figures.map((f) => <FigureCard key={f.label} figure={f} />)}
        </section>
      )}
    </main>
  );
}
