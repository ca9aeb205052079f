/**
 * Group commit for single-row writes that arrive together: calls made while earlier batches are
 * still running wait and go to the database as one batch (one statement, one commit) when a slot
 * frees. A lone call goes at once, alone, so nothing waits when the server is quiet.
 *
 * Two items with a common key (a phone, say) never share a batch or run at the same time: the
 * later waits for the next batch, so a batch's statement never races with itself or with another
 * batch of this process over the same row. When a batch of several fails, each item is run again on
 * its own, so one bad item fails only its own call and the others still succeed.
 */
export type TBatcher<I, O> = ((item: I) => Promise<O>) & {
  /** Batches sent and the items in them, since the batcher was made (a batch re-run item by item counts once). */
  stats: { batches: number; items: number };
};

export const createBatcher = <I, O>(
  runBatch: (items: I[]) => Promise<O[]>,
  opts: { maxBatch: number; maxInFlight: number; keys: (item: I) => string[] },
): TBatcher<I, O> => {
  type TPending = { item: I; keys: string[]; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: TPending[] = [];
  let inFlight = 0;
  let scheduled = false;
  const busyKeys = new Set<string>();
  const stats = { batches: 0, items: 0 };

  const settle = async (batch: TPending[]) => {
    try {
      const out = await runBatch(batch.map((p) => p.item));
      for (const [i, p] of batch.entries()) p.resolve(out[i] as O);
    } catch (err) {
      if (batch.length === 1) (batch[0] as TPending).reject(err);
      else
        for (const p of batch)
          await runBatch([p.item]).then(
            (o) => p.resolve(o[0] as O),
            (e: unknown) => p.reject(e),
          );
    }
  };

  const flush = () => {
    scheduled = false;
    while (inFlight < opts.maxInFlight && queue.length > 0) {
      const batch: TPending[] = [];
      const rest: TPending[] = [];
      const taken = new Set<string>();
      for (const p of queue) {
        if (batch.length < opts.maxBatch && !p.keys.some((k) => busyKeys.has(k) || taken.has(k))) {
          batch.push(p);
          for (const k of p.keys) taken.add(k);
        } else rest.push(p);
      }
      queue = rest;
      if (batch.length === 0) return;
      inFlight++;
      stats.batches++;
      stats.items += batch.length;
      for (const k of taken) busyKeys.add(k);
      void settle(batch).finally(() => {
        inFlight--;
        for (const k of taken) busyKeys.delete(k);
        schedule();
      });
    }
  };
  // Calls made in the same turn of the event loop join one batch.
  const schedule = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };

  const call = (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, keys: opts.keys(item), resolve, reject });
      schedule();
    });
  return Object.assign(call, { stats });
};
