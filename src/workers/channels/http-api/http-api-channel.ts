import type { WorkItem, WorkOutcome, WorkerProfile } from '../../../shared/worker-protocol/messages';
import { ChannelError, type Channel, type ChannelContext } from '../channel';
import { httpApiSettings, httpEnrichmentTypes, type EndpointMapping, type HttpApiSettings, type HttpEnrichmentType } from './http-api-settings';
import { mapResponse } from './map-response';
import { presetEndpoints } from './provider-presets';
import { errorForFetchFailure, errorForResponse, ProviderError } from './provider-error';
import { providerRequest } from './provider-request';
import { missingSubject } from './subject-check';

/** The profile type code served by the HTTP provider adapter. */
export const HTTP_API_TYPE = 'http_api';

interface Session {
  readonly settings: HttpApiSettings;
  readonly apiKey: string;
}

const isHttpType = (code: string): code is HttpEnrichmentType => (httpEnrichmentTypes as readonly string[]).includes(code);

/** The mapping a profile uses for an enrichment type: its own, else its preset's; null when it has neither. */
export function endpointFor(settings: HttpApiSettings, type: HttpEnrichmentType): EndpointMapping | null {
  return settings.endpoints[type] ?? (settings.preset ? presetEndpoints[settings.preset]?.[type] : undefined) ?? null;
}

/** Opens an `http_api` profile: its settings must parse and its API key must be there. */
export function openSession(profile: Pick<WorkerProfile, 'settings' | 'credentials'>): Session {
  const settings = httpApiSettings.safeParse(profile.settings);
  if (!settings.success) throw new ChannelError('permanent', settings.error.issues[0]?.message ?? 'bad settings');
  const apiKey = profile.credentials.apiKey;
  if (!apiKey) throw new ChannelError('permanent', 'the profile has no API key (credentials.apiKey)');
  return { settings: settings.data, apiKey };
}

/** One paid lookup: the request and its answer, failures classified as ProviderErrors. */
async function lookup(session: Session, mapping: EndpointMapping, subject: Record<string, unknown>): Promise<unknown> {
  const { settings, apiKey } = session;
  const { url, init } = providerRequest(settings, mapping, subject, apiKey);
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(settings.timeoutSeconds * 1000) });
    body = await response.text();
  } catch (error) {
    throw errorForFetchFailure(error, settings.timeoutSeconds, url.host);
  }
  if (!response.ok) throw errorForResponse(response.status, response.headers, body, apiKey, Date.now());
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ProviderError('transient', `the provider answered HTTP ${response.status} with something other than JSON`, { status: response.status });
  }
}

/** Performs verify_email, find_email and find_phone enrichments against an HTTP provider configured by the profile. */
export function createHttpApiChannel(): Channel {
  let session: Session | null = null;
  return {
    async open(profile) {
      session = openSession(profile);
    },
    async perform(item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
      if (!session) throw new ChannelError('transient', 'the HTTP provider is not open');
      if (item.kind !== 'enrichment' || !isHttpType(item.typeCode)) {
        throw new ChannelError('permanent', `the HTTP provider does not perform ${item.kind} ${item.typeCode} items`);
      }
      const mapping = endpointFor(session.settings, item.typeCode);
      if (!mapping) throw new ChannelError('permanent', `the profile maps no endpoint for ${item.typeCode} (settings.endpoints or settings.preset)`);
      const missing = missingSubject(item.typeCode, item.params);
      if (missing) throw new ChannelError('permanent', missing);
      const open = session;
      try {
        // A failed answer is thrown as a ChannelError inside the effect: the ledger records the lookup as not done.
        // A timeout counts so too: a lookup is a read, and repeating it costs at most one credit.
        const json = await context.effect(item.idempotencyKey, () => lookup(open, mapping, item.params));
        return { outcome: 'performed', ...mapResponse(item.typeCode, mapping, json, item.params), effects: [] };
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        context.log('warn', `${item.typeCode} lookup failed`, { enrichment: item.recordId, ...error.output });
        // A refused key is the profile's problem, not this item's: the profile pauses and the item waits, its attempt kept.
        if (error.output.authFailed === true) return { outcome: 'failed', errorKind: 'transient', errorText: error.message, output: error.output, effects: [], pause: 'auth_failed' };
        return { outcome: 'failed', errorKind: error.kind === 'permanent' ? 'permanent' : 'transient', errorText: error.message, output: error.output, effects: [], ...(error.network ? { network: true } : {}) };
      }
    },
    async close() {
      session = null;
    },
  };
}
