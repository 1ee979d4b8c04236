import { showFlag } from '@forge/bridge';

let shown = 0;

/**
 * A success told in Jira's own flag (Forge's showFlag: Jira draws it outside the app's frame, where it stays in
 * view however tall the frame is), dismissed after a few seconds. Errors are not flags: they stay beside the action.
 */
export function flagSuccess(title: string, description?: string): void {
  shown += 1;
  try {
    showFlag({
      id: `postmortem-loop-${Date.now().toString(36)}-${shown}`,
      title,
      description,
      type: 'success',
      isAutoDismiss: true,
    });
  } catch {
    // A host without flags: the action's lasting result is still on screen (a saved version, a ticket key...).
  }
}
