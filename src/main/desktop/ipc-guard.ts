import type { IpcResult } from '../../shared/bridge';
import { isMethodName } from '../../shared/contract/methods';
import { ApiError } from '../api/api-error';
import type { Handlers } from '../api/handler-types';
import { invokeMethod } from '../api/invoke-method';

/** The frame an IPC call came from, as Electron reports it (null once the frame is gone). */
export interface IpcSender {
  readonly url: string;
  /** True for the window's top frame; iframes never get to call. */
  readonly isMainFrame: boolean;
}

const fail = (error: ApiError): IpcResult => ({ ok: false, ...error.toBody() });

const originOf = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    // Non-special schemes such as app: report an opaque origin ("null"), so it is rebuilt from scheme and host.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
};

/** Whether a call may run: only from the top frame of a page on one of our origins (app:// and, in development, the dev server). */
export function senderAllowed(sender: IpcSender | null, allowedOrigins: readonly string[]): boolean {
  if (!sender?.isMainFrame) return false;
  const origin = originOf(sender.url);
  return origin !== null && allowedOrigins.includes(origin);
}

/**
 * The IPC door: checks the sender frame, then the method name against the contract, then hands the raw argument to
 * `invokeMethod`, which validates it with the method's schema. Errors come back as `{code, message}` values, never thrown
 * across the bridge, and unexpected ones never carry their message (it may hold paths or SQL).
 */
export function createIpcInvoker(handlers: Handlers, allowedOrigins: readonly string[], logFailure: (error: unknown, method: string) => void) {
  return async (sender: IpcSender | null, name: unknown, input: unknown): Promise<IpcResult> => {
    if (!senderAllowed(sender, allowedOrigins)) return fail(new ApiError('forbidden', 'calls are accepted from the dashboard page only'));
    if (!isMethodName(name)) return fail(new ApiError('not_found', `no method ${typeof name === 'string' ? name.slice(0, 100) : typeof name}`));
    try {
      return { ok: true, value: await invokeMethod(handlers, name, input) };
    } catch (error) {
      if (error instanceof ApiError) return fail(error);
      logFailure(error, name);
      return fail(new ApiError('internal', 'internal error; details are in the log'));
    }
  };
}
