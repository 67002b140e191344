/** The first message an Electron utility-process worker receives: it carries the MessagePort all later traffic uses. */
export const PORT_HANDSHAKE = 'outpost.port';

/** True for the handshake message. */
export const isPortHandshake = (data: unknown): boolean => typeof data === 'object' && data !== null && (data as { type?: unknown }).type === PORT_HANDSHAKE;
