import { create } from 'zustand';

/** Which full-window overlay is open: the command palette, the keyboard shortcuts help, or none. */
export type Overlay = 'palette' | 'shortcuts' | null;

interface OverlayState {
  readonly open: Overlay;
  readonly show: (overlay: Overlay) => void;
}

/** The one overlay shown over the dashboard; opening one closes the other. */
export const useOverlay = create<OverlayState>()((set) => ({
  open: null,
  show: (open) => set({ open }),
}));
