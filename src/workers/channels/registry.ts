import { BROWSER_TYPES, createBrowserChannel } from './browser/browser-channel';
import type { ChannelFactory } from './channel';
import { createDiagnosticChannel, DIAGNOSTIC_TYPE } from './diagnostic/diagnostic-channel';
import { createHttpApiChannel, HTTP_API_TYPE } from './http-api/http-api-channel';
import { createLocalVerifierChannel, LOCAL_VERIFIER_TYPE } from './local-verifier/local-verifier-channel';
import { createMailboxChannel, MAILBOX_TYPES } from './mailbox/mailbox-channel';

/** The channel plug-ins built into this worker, by the profile type code they serve. */
export const channelRegistry: ReadonlyMap<string, ChannelFactory> = new Map([
  [DIAGNOSTIC_TYPE, createDiagnosticChannel],
  [LOCAL_VERIFIER_TYPE, createLocalVerifierChannel],
  [HTTP_API_TYPE, createHttpApiChannel],
  ...MAILBOX_TYPES.map((code) => [code, createMailboxChannel] as const),
  ...BROWSER_TYPES.map((code) => [code, createBrowserChannel] as const),
]);
