import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { newId } from '../doc-state';
import { grid } from '../fields';
import { useDraft, useUpdate } from '../state/PanelState';

/** Ideas that did not make the three: kept on the post-mortem, not ticketed, counted across post-mortems. */
export function ParkingLot() {
  const parked = useDraft((d) => d.parkingLot);
  const update = useUpdate();
  const [idea, setIdea] = useState('');
  return (
    <div data-testid="parking-lot" style={{ marginTop: token('space.200', '16px') }}>
      <strong id="parking-lot-heading">Parking lot</strong>{' '}
      <span id="parking-lot-hint" style={{ fontSize: 12 }}>
        Ideas that did not make the cut: kept here, not ticketed, counted across post-mortems.
      </span>
      <ul aria-labelledby="parking-lot-heading">
        {parked.map((p) => (
          <li key={p.id}>
            {p.idea}{' '}
            <Button
              appearance="subtle"
              spacing="compact"
              aria-label={`Remove parked idea "${p.idea}"`}
              onClick={() => update((d) => ({ ...d, parkingLot: d.parkingLot.filter((x) => x.id !== p.id) }))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div style={grid('1fr auto')}>
        <Textfield
          aria-label="Park an idea"
          aria-describedby="parking-lot-hint"
          testId="parking-idea"
          value={idea}
          placeholder="An idea for later"
          onChange={(e) => setIdea(e.currentTarget.value)}
        />
        <Button
          testId="park-idea"
          isDisabled={!idea.trim()}
          onClick={() => {
            const v = idea.trim();
            update((d) => ({ ...d, parkingLot: [...d.parkingLot, { id: newId('p'), idea: v }] }));
            setIdea('');
          }}
        >
          Park it
        </Button>
      </div>
    </div>
  );
}
