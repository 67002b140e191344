import { z } from 'zod';
import { workKinds } from '../work-kind';

/** Bumped whenever a message changes shape; a worker speaking another version is refused at the handshake. */
export const WORKER_PROTOCOL_VERSION = 4;

const correlationId = z.string().min(1).max(64);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const recordId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const json = z.record(z.string(), z.unknown());

/** How a failure should be treated: retried later, never retried, or skipped because a policy said so. */
export const errorKind = z.enum(['transient', 'permanent', 'policy']);

/** The profile a worker runs: settings merged over its type's defaults; credentials decrypted by main, in memory only. */
export const workerProfile = z.strictObject({
  id: recordId,
  name: z.string(),
  typeCode: z.string().min(1),
  settings: json,
  credentials: z.record(z.string(), z.string()),
});

/** What the worker is asked to do with an item: perform it, or find out whether an earlier attempt's effect happened. */
export const workMode = z.enum(['perform', 'verify']);

/** One leased piece of work; the ticket names this attempt, so a late result of an older attempt is refused. */
export const workItem = z.strictObject({
  ticket: z.string().min(1).max(128),
  kind: z.enum(workKinds),
  recordId,
  typeCode: z.string(),
  attempt: z.number().int().positive(),
  idempotencyKey: z.string(),
  target: z.strictObject({ kind: z.enum(['lead', 'company']), id: recordId }).nullable(),
  /** The payload main built for this kind when the item was claimed. */
  params: json,
  mode: workMode,
  leaseExpiresAt: count,
});

/** Why a channel asks main to pause its profile: the site or server wants the operator (a captcha, a login wall, a warning, refused credentials). */
export const channelPauseReason = z.enum(['captcha', 'login_wall', 'warning_page', 'auth_failed']);

/** Evidence kept from a failed action: file names inside the data folder's `snapshots` directory. */
export const failureSnapshot = z.strictObject({
  screenshot: z.string().min(1).max(200).nullable(),
  html: z.string().min(1).max(200).nullable(),
});

/** An external side effect (a sent message, a paid lookup) as the worker saw it end. */
export const effectRecord = z.strictObject({
  idempotencyKey: z.string().min(1).max(256),
  outcome: z.enum(['succeeded', 'failed', 'unknown']),
  externalRef: z.string().max(1000).nullable(),
  detail: json.optional(),
});

/** What a channel reports for one item. */
export const workOutcome = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('performed'), output: json, hit: z.boolean().optional(), effects: z.array(effectRecord) }),
  z.strictObject({
    outcome: z.literal('failed'),
    errorKind,
    errorText: z.string().max(10_000),
    effects: z.array(effectRecord),
    /** Raw detail worth keeping (an SMTP response, say). */
    output: json.optional(),
    /** True when the failure looked like no network at all (DNS failure, ENETUNREACH, EHOSTUNREACH, connect timeout). */
    network: z.boolean().optional(),
    /** The profile must pause for the operator; the item waits (its attempt is not consumed). */
    pause: channelPauseReason.optional(),
    snapshot: failureSnapshot.optional(),
  }),
  /** The answer to an item in verify mode: null when the channel cannot tell. */
  z.strictObject({ outcome: z.literal('verified'), happened: z.boolean().nullable(), externalRef: z.string().max(1000).nullable() }),
]);

/** Messages a worker sends to the main process. */
export const workerMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), protocolVersion: z.number().int(), pid: count, profileTypes: z.array(z.string()) }),
  /** `verifies`: the channel can answer items in verify mode. */
  z.strictObject({ type: z.literal('ready'), verifies: z.boolean().optional() }),
  z.strictObject({ type: z.literal('heartbeat'), seq: count, rssBytes: count, heapUsedBytes: count, ticket: z.string().nullable() }),
  z.strictObject({ type: z.literal('pull'), id: correlationId, max: z.number().int().min(1).max(100) }),
  z.strictObject({ type: z.literal('progress'), ticket: z.string(), note: z.string().max(1000) }),
  z.strictObject({ type: z.literal('result'), id: correlationId, ticket: z.string(), result: workOutcome }),
  /** Asks to begin an external effect; main records it as started in its ledger and answers with an ack. */
  z.strictObject({ type: z.literal('effect'), id: correlationId, ticket: z.string(), idempotencyKey: z.string().min(1).max(256) }),
  z.strictObject({ type: z.literal('log'), level: z.enum(['debug', 'info', 'warn', 'error']), msg: z.string().max(10_000), data: json.optional() }),
  /** The channel cannot run this profile as configured (settings it cannot use): main marks it failed with the reason, never restarting it. */
  z.strictObject({ type: z.literal('fatal'), reason: z.string().max(2000) }),
]);

/** Messages the main process sends to a worker. */
export const mainMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('welcome'), workerId: z.string(), profile: workerProfile }),
  z.strictObject({ type: z.literal('refuse'), reason: z.string() }),
  z.strictObject({ type: z.literal('ping'), seq: count }),
  z.strictObject({ type: z.literal('work'), replyTo: correlationId, items: z.array(workItem) }),
  z.strictObject({ type: z.literal('ack'), replyTo: correlationId, accepted: z.boolean(), reason: z.string().optional() }),
  z.strictObject({ type: z.literal('wake') }),
  z.strictObject({ type: z.literal('stop') }),
]);

/** A message from a worker. */
export type WorkerMessage = z.infer<typeof workerMessage>;
/** A message to a worker. */
export type MainMessage = z.infer<typeof mainMessage>;
/** A worker's profile as handed over in the welcome. */
export type WorkerProfile = z.infer<typeof workerProfile>;
/** One leased work item. */
export type WorkItem = z.infer<typeof workItem>;
/** A channel's outcome for one item. */
export type WorkOutcome = z.infer<typeof workOutcome>;
/** An effect's end as a worker reports it. */
export type EffectRecord = z.infer<typeof effectRecord>;
/** A reason a channel may pause its profile for. */
export type ChannelPauseReason = z.infer<typeof channelPauseReason>;
/** Screenshot and HTML file names kept from a failure. */
export type FailureSnapshot = z.infer<typeof failureSnapshot>;
/** Perform or verify. */
export type WorkMode = z.infer<typeof workMode>;
