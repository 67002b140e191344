import { apiErrorBody } from '../../shared/contract/api-error';
import { methods, type MethodName } from '../../shared/contract/methods';
import { ClientError, type Transport } from './transport';

const API = '/api/v1';

function buildRequest(name: MethodName, input: Record<string, unknown>): { url: string; init: RequestInit } {
  const spec = methods[name];
  const rest = { ...input };
  const path = spec.path.replace(/:(\w+)/g, (_m, key: string) => {
    const value = rest[key];
    delete rest[key];
    return encodeURIComponent(String(value));
  });
  if (spec.http === 'GET') {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) query.set(key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
    }
    const qs = query.toString();
    return { url: `${API}${path}${qs ? `?${qs}` : ''}`, init: { method: 'GET' } };
  }
  return { url: API + path, init: { method: spec.http, headers: { 'content-type': 'application/json' }, body: JSON.stringify(rest) } };
}

/** Calls the local REST API with the session cookie and listens to Server-Sent Events. */
export function createHttpTransport(): Transport {
  let source: EventSource | undefined;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  return {
    async invoke(name, input) {
      const { url, init } = buildRequest(name as MethodName, (input ?? {}) as Record<string, unknown>);
      let response: Response;
      try {
        response = await fetch(url, { ...init, credentials: 'same-origin' });
      } catch {
        throw new ClientError('network', 'Outpost is not reachable; is it still running?');
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) return body;
      const parsed = apiErrorBody.safeParse(body);
      if (parsed.success) throw new ClientError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues);
      throw new ClientError('internal', `unexpected answer (HTTP ${response.status})`);
    },
    subscribe(event, listener) {
      source ??= new EventSource(`${API}/events`);
      let set = listeners.get(event);
      if (!set) {
        const fresh = new Set<(payload: unknown) => void>();
        listeners.set(event, fresh);
        source.addEventListener(event, (message) => {
          const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
          for (const l of fresh) l(payload);
        });
        set = fresh;
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
