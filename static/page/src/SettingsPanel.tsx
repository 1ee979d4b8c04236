import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type { SettingsAnswer } from '@shared/contract';
import type { AppError } from '@shared/result';
import { call } from '@ui/api';
import { ErrorMessage } from '@ui/ErrorMessage';
import { SettingsFollowUp } from './SettingsFollowUp';

/** Per-project choices: categories, action ticket type, P1-P3, board, due dates, reminders, slipped tickets. */
export function SettingsPanel() {
  const [data, setData] = useState<SettingsAnswer | null>(null);
  const [categories, setCategories] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void call('settings/load', {}).then((r) => {
      if (r.ok) {
        setData(r.data);
        setCategories(r.data.settings.categories.join('\n'));
      } else setError(r.error);
    });
  }, []);
  if (error && !data) return <ErrorMessage error={error} />;
  if (!data) return null;
  const s = data.settings;
  const opt = (v: string) => ({ value: v, label: v });
  const setS = (patch: Partial<SettingsAnswer['settings']>) => setData({ ...data, settings: { ...s, ...patch } });
  const save = async () => {
    const r = await call('settings/save', {
      settings: { ...s, categories: categories.split('\n') },
      baseVersion: data.version,
    });
    if (r.ok) {
      setData(r.data);
      setCategories(r.data.settings.categories.join('\n'));
      setError(null);
      setNote('Settings saved.');
    } else {
      setError(r.error);
      setNote(null);
    }
  };
  return (
    <section
      data-testid="settings"
      style={{
        marginTop: token('space.400', '32px'),
        borderTop: `1px solid ${token('color.border', '#091E4224')}`,
        paddingTop: token('space.200', '16px'),
      }}
    >
      <Heading size="medium">Project settings</Heading>
      {!data.canEdit && <p data-testid="settings-readonly">Only project administrators can change these.</p>}
      {data.updatedBy && (
        <p data-testid="settings-version">
          Version {data.version}, saved {data.updatedAt?.slice(0, 16).replace('T', ' ')} UTC
        </p>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr 1fr 1fr', gap: token('space.150', '12px') }}>
        <label>
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
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 8 }}>
        <Button appearance="primary" testId="settings-save" isDisabled={!data.canEdit} onClick={() => void save()}>
          Save settings
        </Button>
        {note && <span data-testid="settings-note">{note}</span>}
      </div>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
