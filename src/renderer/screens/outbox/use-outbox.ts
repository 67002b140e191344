import { useCallback, useEffect, useState } from 'react';
import type { WaitReason, WaitingItem } from '../../../shared/contract/schemas/outbox';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';

const PAGE = 100;

/** What the outbox shows: the loaded pages, whether more exist, and how to load them or start again. */
export interface OutboxList {
  readonly items: readonly WaitingItem[];
  readonly error: Error | undefined;
  readonly loading: boolean;
  readonly hasMore: boolean;
  more(): void;
  reload(): void;
}

/** Waiting items for a reason and profile filter, page by page (keyset), reloaded from the start on `reload`. */
export function useOutbox(reason: WaitReason | undefined, profileId: number | undefined): OutboxList {
  const [items, setItems] = useState<WaitingItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<Error | undefined>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  const load = useCallback(
    (after: string | undefined, replace: boolean) => {
      setLoading(true);
      call('work.outbox', { reason, profileId, after, limit: PAGE }).then(
        (page) => {
          setItems((before) => (replace ? page.items : [...before, ...page.items]));
          setNext(page.next);
          setError(undefined);
          setLoading(false);
        },
        (e: unknown) => {
          setError(toError(e));
          setLoading(false);
        },
      );
    },
    [reason, profileId],
  );

  useEffect(() => load(undefined, true), [load, generation]);

  return {
    items,
    error,
    loading,
    hasMore: next !== null,
    more: () => next !== null && load(next, false),
    reload: () => setGeneration((g) => g + 1),
  };
}
