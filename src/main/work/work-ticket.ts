import { workKinds, type WorkKind } from '../../shared/work-kind';
import type { WorkMode } from '../../shared/worker-protocol/messages';

/** What a ticket names: one attempt of one item, in one mode. */
export interface Ticket {
  readonly kind: WorkKind;
  readonly id: number;
  readonly attempt: number;
  readonly mode: WorkMode;
}

const TICKET = new RegExp(`^(${workKinds.join('|')}):(\\d{1,15}):(\\d{1,6})(:verify)?$`);

/** The ticket of an attempt: `kind:id:attempt`, with `:verify` for a verification. */
export const formatTicket = (t: Ticket): string => `${t.kind}:${t.id}:${t.attempt}${t.mode === 'verify' ? ':verify' : ''}`;

/** Parses a ticket a worker sent back; undefined when it is not one of ours. */
export function parseTicket(ticket: string): Ticket | undefined {
  const match = TICKET.exec(ticket);
  if (!match) return undefined;
  return { kind: match[1] as WorkKind, id: Number(match[2]), attempt: Number(match[3]), mode: match[4] ? 'verify' : 'perform' };
}

/** The prefix shared by every ticket of one item, whatever the attempt. */
export const ticketPrefix = (kind: WorkKind, id: number): string => `${kind}:${id}:`;
