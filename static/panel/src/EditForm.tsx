import { ActionsSection } from './sections/ActionsSection';
import { ImpactSection } from './sections/ImpactSection';
import { LearningSection } from './sections/LearningSection';
import { RootCauseSection } from './sections/RootCauseSection';
import { TimelineSection } from './sections/TimelineSection';
import { TitleSection } from './sections/TitleSection';
import { SaveBar } from './SaveBar';

/** The post-mortem as a form, in the template's order; loaded only when someone edits (it carries the pickers). */
export default function EditForm({ onCancel }: { onCancel: (() => void) | null }) {
  return (
    <div data-testid="edit-form">
      <TitleSection />
      <ImpactSection />
      <TimelineSection />
      <RootCauseSection />
      <LearningSection />
      <ActionsSection />
      <SaveBar onCancel={onCancel} />
    </div>
  );
}
