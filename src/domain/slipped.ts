import { doc, paragraph, strong, text, type AdfDoc } from './adf';

export const SLIPPED_LABEL = 'postmortem-slipped';

interface SprintRef {
  id: number;
  name: string;
  state: 'future' | 'active' | 'closed';
}

/**
 * The sprint a ticket slipped out of: it is in at least one closed sprint and in no active or future one (Jira
 * moved it back to the backlog when the sprint closed). Null when it was carried over or never in a sprint.
 */
export function slippedFrom(sprints: SprintRef[]): SprintRef | null {
  if (sprints.length === 0 || sprints.some((s) => s.state !== 'closed')) return null;
  return sprints.reduce((a, b) => (b.id > a.id ? b : a));
}

export const slippedMarker = (ticketKey: string, sprintId: number) =>
  `[post-mortem slipped ${ticketKey} sprint ${sprintId}]`;

/** The comment that says why the app moved or flagged the ticket. */
export function slippedComment(input: {
  ticketKey: string;
  closed: { id: number; name: string };
  movedTo: string | null;
  incidentKey: string;
}): AdfDoc {
  return doc(
    paragraph(
      text('This post-mortem action item (from '),
      strong(input.incidentKey),
      text(
        `) was not done when sprint "${input.closed.name}" closed, and it was not carried into the next sprint: it fell back to the backlog, where action items are forgotten.`,
      ),
    ),
    paragraph(
      text(
        input.movedTo
          ? `Rule 2 keeps action items in a sprint, so Post-mortem Loop moved it into "${input.movedTo}". If it should not be done, drop it in the next post-mortem review and say why.`
          : `Post-mortem Loop flagged it (label "${SLIPPED_LABEL}") so the next post-mortem review takes it up: plan it into a sprint, or drop it and say why.`,
      ),
    ),
    paragraph(text(slippedMarker(input.ticketKey, input.closed.id))),
  );
}
