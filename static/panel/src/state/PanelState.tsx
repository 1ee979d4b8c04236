import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { composeTitle } from '@domain/rules';
import type { PanelData } from '@shared/contract';
import { emptyPostMortem, type PostMortem } from '@shared/postmortem';
import { DraftStore } from './draft-store';

interface PanelState {
  data: PanelData;
  reload: () => Promise<void>;
  store: DraftStore;
  syncSummary: boolean;
  setSyncSummary: (v: boolean) => void;
  flash: [string | null, (message: string | null) => void];
}

const Ctx = createContext<PanelState | null>(null);

function initialDoc(data: PanelData): PostMortem {
  if (data.postmortem) return data.postmortem.doc;
  const doc = emptyPostMortem();
  doc.title.date = data.issue.created ? new Date(Date.parse(data.issue.created)).toISOString().slice(0, 10) : null;
  return doc;
}

/**
 * The panel's state: what was loaded, the draft (in a store sections subscribe to slice by slice), and whether the
 * summary follows the title. Sections use the small hooks below, never props drilled from above.
 */
export function PanelStateProvider({
  data,
  reload,
  flash,
  children,
}: {
  data: PanelData;
  reload: () => Promise<void>;
  /** The last save's message, kept by the app so it survives the remount that a new version causes. */
  flash: [string | null, (message: string | null) => void];
  children: ReactNode;
}) {
  const [store] = useState(() => new DraftStore(initialDoc(data)));
  // Keep the summary in step only when it already is, or when the team ticks the box (the title is an offer).
  const [syncSummary, setSyncSummary] = useState(() => data.issue.summary === composeTitle(store.doc.title));
  const value = useMemo(
    () => ({ data, reload, store, syncSummary, setSyncSummary, flash }),
    [data, reload, store, syncSummary, flash],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

function usePanelState(): PanelState {
  const s = useContext(Ctx);
  if (!s) throw new Error('panel hooks need <PanelStateProvider>');
  return s;
}

/** What panel/load answered (read only). */
export const usePanelData = (): PanelData => usePanelState().data;
/** Loads the panel again without a spinner (after a save, an outcome, tickets). */
export const useReload = (): (() => Promise<void>) => usePanelState().reload;
export const useDraftStore = (): DraftStore => usePanelState().store;
export const useFlash = (): PanelState['flash'] => usePanelState().flash;
export const useUpdate = (): DraftStore['update'] => usePanelState().store.update;

/** One slice of the draft; the component re-renders only when that slice changes. */
export function useDraft<T>(select: (doc: PostMortem) => T): T {
  const { store } = usePanelState();
  const get = () => select(store.doc);
  return useSyncExternalStore(store.subscribe, get, get);
}
export function useDirty(): boolean {
  const { store } = usePanelState();
  const get = () => store.dirty;
  return useSyncExternalStore(store.subscribe, get, get);
}
export function useSyncSummary(): [boolean, (v: boolean) => void] {
  const s = usePanelState();
  return [s.syncSummary, s.setSyncSummary];
}
