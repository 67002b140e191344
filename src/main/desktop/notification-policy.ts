import { z } from 'zod';
import { approvalsChangedEvent } from '../../shared/contract/schemas/approvals';

/** An OS notification to show, and what clicking it opens. */
export interface Notice {
  readonly title: string;
  readonly body: string;
  /** The dashboard area a click opens (`#/<area>`). */
  readonly area: 'approvals' | 'profiles' | 'imports';
}

const pausedProfile = z.object({ id: z.number(), name: z.string(), state: z.string(), stateDetail: z.string().nullable().optional() });
const importProgress = z.object({ id: z.number(), fileName: z.string(), status: z.string(), inserted: z.number(), merged: z.number(), rejected: z.number() });

const plural = (n: number, one: string): string => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/**
 * Turns bus events into OS notifications, once per transition: a profile that becomes paused, an import that finishes
 * (or fails), approvals that start waiting or grow. Progress events repeat, so it remembers what it already announced.
 */
export class NotificationPolicy {
  private readonly pausedProfiles = new Set<number>();
  private readonly finishedImports = new Set<number>();
  private pendingApprovals = 0;

  /** The notification this event deserves, or null. */
  next(event: { readonly name: string; readonly payload: unknown }): Notice | null {
    switch (event.name) {
      case 'profiles.state':
        return this.profile(event.payload);
      case 'imports.progress':
        return this.importDone(event.payload);
      case 'approvals.changed':
        return this.approvals(event.payload);
      default:
        return null;
    }
  }

  private profile(payload: unknown): Notice | null {
    const p = pausedProfile.safeParse(payload);
    if (!p.success) return null;
    if (p.data.state !== 'paused') {
      this.pausedProfiles.delete(p.data.id);
      return null;
    }
    if (this.pausedProfiles.has(p.data.id)) return null;
    this.pausedProfiles.add(p.data.id);
    return { title: `Profile paused: ${p.data.name}`, body: p.data.stateDetail ?? 'It waits for you in Profiles.', area: 'profiles' };
  }

  private importDone(payload: unknown): Notice | null {
    const i = importProgress.safeParse(payload);
    if (!i.success || (i.data.status !== 'done' && i.data.status !== 'failed') || this.finishedImports.has(i.data.id)) return null;
    this.finishedImports.add(i.data.id);
    if (i.data.status === 'failed') return { title: 'Import failed', body: `${i.data.fileName} could not be imported; see Imports.`, area: 'imports' };
    const parts = [plural(i.data.inserted, 'new lead'), `${i.data.merged.toLocaleString('en')} merged`, ...(i.data.rejected > 0 ? [`${plural(i.data.rejected, 'row')} rejected`] : [])];
    return { title: 'Import finished', body: `${i.data.fileName}: ${parts.join(', ')}`, area: 'imports' };
  }

  private approvals(payload: unknown): Notice | null {
    const a = approvalsChangedEvent.safeParse(payload);
    if (!a.success) return null;
    const before = this.pendingApprovals;
    this.pendingApprovals = a.data.waiting;
    if (a.data.waiting <= before) return null;
    return { title: 'Approvals waiting', body: `${plural(a.data.waiting, 'message')} wait for your approval.`, area: 'approvals' };
  }
}
