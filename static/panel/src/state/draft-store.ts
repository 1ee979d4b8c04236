import type { PostMortem } from '@shared/postmortem';

type Listener = () => void;

/**
 * The draft post-mortem outside React state, so a section subscribes to its own slice (useDraft) and re-renders
 * only when that slice changes: typing in the root cause does not re-render the timeline or the action table.
 */
export class DraftStore {
  private listeners = new Set<Listener>();
  private state: { doc: PostMortem; dirty: boolean };

  constructor(doc: PostMortem) {
    this.state = { doc, dirty: false };
  }

  get doc(): PostMortem {
    return this.state.doc;
  }
  get dirty(): boolean {
    return this.state.dirty;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** An edit by the person: marks the draft unsaved. */
  update = (change: (doc: PostMortem) => PostMortem): void => {
    this.state = { doc: change(this.state.doc), dirty: true };
    this.emit();
  };

  /** The saved version replaced the draft (or the edits were discarded). */
  reset = (doc: PostMortem): void => {
    this.state = { doc, dirty: false };
    this.emit();
  };

  private emit() {
    for (const l of this.listeners) l();
  }
}
