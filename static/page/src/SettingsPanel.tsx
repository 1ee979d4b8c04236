import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import Spinner from '@atlaskit/spinner';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type { SettingsAnswer } from '@shared/contract';
import type { AppError } from '@shared/result';
import { ActionResult } from '@ui/ActionResult';
import { call } from '@ui/api';
import { ErrorMessage } from '@ui/ErrorMessage';
import { useAction } from '@ui/use-action';
import { SettingsFollowUp } from './SettingsFollowUp';

const columns = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' } as const;

/** Per-project choices: categories, action ticket type, P1-P3, board, due dates, reminders, slipped tickets. */
export default function SettingsPanel() {
  const [data, setData] = useState<SettingsAnswer | null>(null);
  const [categories, setCategories] = useState('');
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const load = useCallback(() => {
    setLoadError(null);
    void call('settings/load', {}).then((r) => {
      if (r.ok) {
        setData(r.data);
        setCategories(r.data.settings.categories.join('\n'));
      } else setLoadError(r.error);
    });
  }, []);
  useEffect(load, [load]);
  const save = useAction(async () => {
    if (!data) return { ok: false, error: { code: 'PRECONDITION', message: 'The settings are still loading.' } };
    const r = await call('settings/save', {
      settings: { ...data.settings, categories: categories.split('\n') },
      baseVersion: data.version,
    });
    if (!r.ok) return r;
    setData(r.data);
    setCategories(r.data.settings.categories.join('\n'));
    return {
      ok: true,
      flag: 'Settings saved',
      message: `Version ${r.data.version}: new post-mortems and action tickets of this project use them.`,
    };
  });
  if (loadError) return <ErrorMessage error={loadError} onRetry={load} />;
  if (!data) return <Spinner label="Loading the project settings" testId="settings-loading" />;
  const s = data.settings;
  const opt = (v: string) => ({ value: v, label: v });
  const setS = (patch: Partial<SettingsAnswer['settings']>) => setData({ ...data, settings: { ...s, ...patch } });
  const conflict = save.outcome && !save.outcome.ok && save.outcome.error.code === 'CONFLICT';
  return (
    <div data-testid="settings-form">
      {!data.canEdit && <p data-testid="settings-readonly">Only project administrators can change these.</p>}
      {data.updatedBy && (
        <p data-testid="settings-version">
          Version {data.version}, saved {data.updatedAt?.slice(0, 16).replace('T', ' ')} UTC
        </p>
      )}
      <div style={{ ...columns, gap: token('space.150', '12px') }}>
        <label style={{ gridRow: 'span 2' }}>
          Root-cause categories (one per line)
          <TextArea
            testId="settings-categories"
            isDisabled={!data.canEdit}
            minimumRows={7}
            value={categories}
            onChange={(e) => setCategories(e.currentTarget.value)}
          />
        </label>
        <label>
          Action ticket type
          <Select
            inputId="settings-type"
            isDisabled={!data.canEdit}
            options={data.issueTypes.map(opt)}
            value={opt(s.ticketIssueType)}
            onChange={(o) => {
              if (o) setS({ ticketIssueType: o.value });
            }}
          />
        </label>
        {(['P1', 'P2', 'P3'] as const).map((p) => (
          <label key={p}>
            {p} is Jira priority
            <Select
              inputId={`settings-${p}`}
              isDisabled={!data.canEdit}
              options={data.priorities.map(opt)}
              value={opt(s.priorityMap[p])}
              onChange={(o) => {
                if (o) setS({ priorityMap: { ...s.priorityMap, [p]: o.value } });
              }}
            />
          </label>
        ))}
      </div>
      <SettingsFollowUp data={data} setS={setS} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginTop: 8 }}>
        <Button
          appearance="primary"
          testId="settings-save"
          isDisabled={!data.canEdit}
          isLoading={save.busy}
          onClick={() => save.run()}
        >
          Save settings
        </Button>
        {conflict && (
          <Button testId="settings-reload" onClick={load}>
            Load the latest settings (discards your changes)
          </Button>
        )}
        <ActionResult outcome={save.outcome} testId="settings-result" />
      </div>
    </div>
  );
}
