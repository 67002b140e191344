import type { ChannelFactory } from './channel';
import { createDiagnosticChannel, DIAGNOSTIC_TYPE } from './diagnostic/diagnostic-channel';

/** The channel plug-ins built into this worker, by the profile type code they serve. */
export const channelRegistry: ReadonlyMap<string, ChannelFactory> = new Map([[DIAGNOSTIC_TYPE, createDiagnosticChannel]]);
