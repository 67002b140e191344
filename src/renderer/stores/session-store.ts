import { create } from 'zustand';

interface SessionState {
  /** True once the core refused a call for want of a session: the dashboard then shows only the sign-in page. */
  readonly signedOut: boolean;
  readonly markSignedOut: () => void;
}

/** Whether this browser still has a session with the core. */
export const useSession = create<SessionState>()((set) => ({
  signedOut: false,
  markSignedOut: () => set({ signedOut: true }),
}));
