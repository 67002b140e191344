import { client } from '../api/client';
import { ClientError } from '../api/transport';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';
import { useSession } from '../stores/session-store';

/** `client.call`, plus: a missing session switches the whole dashboard to the sign-in page. */
export async function call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  try {
    return await client.call(name, input);
  } catch (error) {
    if (error instanceof ClientError && error.code === 'unauthorized') useSession.getState().markSignedOut();
    throw error;
  }
}

/** Subscribes to a pushed event; returns the unsubscribe function. */
export const on = client.on;
