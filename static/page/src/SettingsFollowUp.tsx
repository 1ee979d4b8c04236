import Select from '@atlaskit/select';
import TextField from '@atlaskit/textfield';
import { Checkbox } from '@atlaskit/checkbox';
import { token } from '@atlaskit/tokens';
import type { SettingsAnswer } from '@shared/contract';
import type { DueTarget, ProjectSettings } from '@shared/settings';

const CADENCES = [
  { value: 'off', label: 'Off' },
  { value: 'once', label: 'Once, when it becomes overdue' },
  { value: 'weekly', label: 'Weekly until done' },
] as const;
const POLICIES = [
  { value: 'move', label: 'Move it into the next sprint, with a comment' },
  { value: 'flag', label: 'Flag it (label "postmortem-slipped")' },
] as const;

const numberOr = (raw: string, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Board, sprint creation, due dates by priority, reminders, slipped tickets and the "held" period. */
export function SettingsFollowUp(props: { data: SettingsAnswer; setS: (patch: Partial<ProjectSettings>) => void }) {
  const { data, setS } = props;
  const s = data.settings;
  const disabled = !data.canEdit;
  const boardOptions = [
    { value: 0, label: 'Automatic (first scrum board)' },
    ...data.boards.map((b) => ({ value: b.id, label: `${b.name} (${b.type})` })),
  ];
  const targetValue = (t: DueTarget) => (t === 'sprint' ? 'sprint' : String(t));
  return (
    <div
      data-testid="settings-followup"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
        alignItems: 'end', // labels of one or two lines: the fields still line up
        gap: token('space.150', '12px'),
        marginTop: 12,
      }}
    >
      <label>
        Board for action tickets
        <Select
          inputId="settings-board"
          isDisabled={disabled}
          options={boardOptions}
          value={boardOptions.find((o) => o.value === (s.boardId ?? 0)) ?? boardOptions[0]}
          onChange={(o) => {
            if (o) setS({ boardId: o.value === 0 ? null : o.value });
          }}
        />
      </label>
      <div style={{ paddingTop: 20 }}>
        <Checkbox
          testId="settings-may-create-sprint"
          isDisabled={disabled}
          isChecked={s.mayCreateSprint}
          label="The app may create the next sprint"
          onChange={(e) => setS({ mayCreateSprint: e.currentTarget.checked })}
        />
      </div>
      <label>
        Reminders for overdue action tickets
        <Select
          inputId="settings-reminders"
          isDisabled={disabled}
          options={[...CADENCES]}
          value={CADENCES.find((c) => c.value === s.reminderCadence)}
          onChange={(o) => {
            if (o) setS({ reminderCadence: o.value });
          }}
        />
      </label>
      <label>
        A ticket that slipped out of its sprint
        <Select
          inputId="settings-slipped"
          isDisabled={disabled}
          options={[...POLICIES]}
          value={POLICIES.find((c) => c.value === s.slippedPolicy)}
          onChange={(o) => {
            if (o) setS({ slippedPolicy: o.value });
          }}
        />
      </label>
      {(['P1', 'P2', 'P3'] as const).map((p) => (
        <label key={p}>
          {p} due after (days, or &quot;sprint&quot;)
          <TextField
            testId={`settings-due-${p}`}
            isDisabled={disabled}
            value={targetValue(s.dueTargets[p])}
            onChange={(e) => {
              const raw = e.currentTarget.value.trim().toLowerCase();
              setS({
                dueTargets: { ...s.dueTargets, [p]: raw.startsWith('s') ? 'sprint' : numberOr(raw, 1) },
              });
            }}
          />
        </label>
      ))}
      <label>
        &quot;sprint&quot; on a Kanban board means (days)
        <TextField
          testId="settings-kanban-days"
          isDisabled={disabled}
          value={String(s.kanbanDays)}
          onChange={(e) => setS({ kanbanDays: numberOr(e.currentTarget.value, s.kanbanDays) })}
        />
      </label>
      <label>
        An incident has &quot;held&quot; after (days without a repeat)
        <TextField
          testId="settings-hold-days"
          isDisabled={disabled}
          value={String(s.holdDays)}
          onChange={(e) => setS({ holdDays: numberOr(e.currentTarget.value, s.holdDays) })}
        />
      </label>
    </div>
  );
}
