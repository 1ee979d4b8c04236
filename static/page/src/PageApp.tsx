import { useEffect, useState } from 'react';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppError } from '@shared/result';
import type { ReportDetailsAnswer, ReportFilters, ReportHeadlineAnswer } from '@shared/report';
import { call } from '@ui/api';
import { ErrorMessage } from '@ui/ErrorMessage';
import { Details } from './Details';
import { Filters } from './Filters';
import { FollowUpCard } from './FollowUpCard';
import { Headline } from './Headline';
import { SettingsSection } from './SettingsSection';

type Part<T> = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; data: T };

/** What the filters select, in words: "the last 90 days, all services, category Capacity". */
const scope = (f: ReportFilters) =>
  `the last ${f.windowDays} days, ${f.service ? `service ${f.service}` : 'all services'}, ${f.category ? `category ${f.category}` : 'all categories'}`;

export function PageApp() {
  const [filters, setFilters] = useState<ReportFilters>({ windowDays: 90, service: null, category: null });
  const [head, setHead] = useState<Part<ReportHeadlineAnswer>>({ kind: 'loading' });
  const [details, setDetails] = useState<Part<ReportDetailsAnswer>>({ kind: 'loading' });
  const [services, setServices] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setHead({ kind: 'loading' });
    setDetails({ kind: 'loading' });
    // Both start together; the headline (one round of counts) arrives first and shows first.
    void call('report/headline', filters).then((r) => {
      if (live) setHead(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error });
    });
    void call('report/details', filters).then((r) => {
      if (!live) return;
      setDetails(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error });
      if (r.ok && filters.service === null) setServices(r.data.services);
    });
    return () => {
      live = false;
    };
  }, [filters, attempt]);

  const retry = () => setAttempt((n) => n + 1);
  const empty = head.kind === 'ready' && head.data.headline.incidents.count === 0;
  return (
    <main
      data-testid="page"
      style={{
        padding: token('space.300', '24px'),
        color: token('color.text', '#172B4D'),
        background: token('elevation.surface', '#FFFFFF'),
        // No minHeight: 100vh here: the host sizes the frame to the content, and a height taken from the frame's
        // own viewport plus padding grows it on every resize, without end.
      }}
      aria-busy={head.kind === 'loading' || details.kind === 'loading'}
    >
      <Heading size="large">Incident learning{head.kind === 'ready' ? `: ${head.data.project.name}` : ''}</Heading>
      <p style={{ color: token('color.text.subtle', '#44546F') }}>
        Are our post-mortems changing what happens next? Every figure says what it counts and opens the Jira search
        behind it.
      </p>
      <Filters
        filters={filters}
        services={services}
        categories={head.kind === 'ready' ? head.data.categories : []}
        onChange={setFilters}
      />
      <p
        role="status"
        data-testid="filters-result"
        style={{ margin: `0 0 ${token('space.100', '8px')}`, fontSize: 12 }}
      >
        {head.kind === 'loading' || details.kind === 'loading'
          ? `Loading the figures for ${scope(filters)}…`
          : head.kind === 'ready'
            ? `Showing ${scope(filters)}.`
            : ''}
      </p>
      {head.kind === 'loading' && <Spinner label="Loading the headline figures" testId="headline-loading" />}
      {head.kind === 'error' && <ErrorMessage error={head.error} onRetry={retry} />}
      {empty && (
        <SectionMessage
          appearance="information"
          title={
            filters.windowDays === 365 && !filters.service && !filters.category
              ? 'No incidents yet'
              : 'No incidents in this window'
          }
          testId="empty-state"
        >
          <p>
            Create an issue of type Incident and write its post-mortem in the issue panel. Its figures appear here once
            it exists.
          </p>
        </SectionMessage>
      )}
      {head.kind === 'ready' && !empty && <Headline answer={head.data} />}
      {details.kind === 'loading' && head.kind === 'ready' && (
        <div style={{ marginTop: 24 }}>
          <Spinner label="Loading trends and patterns" testId="details-loading" />
        </div>
      )}
      {details.kind === 'error' && (
        <div style={{ marginTop: 24 }}>
          <ErrorMessage error={details.error} onRetry={retry} />
        </div>
      )}
      {details.kind === 'ready' && !empty && <Details d={details.data.details} window={details.data.window} />}
      <FollowUpCard />
      <SettingsSection />
    </main>
  );
}
