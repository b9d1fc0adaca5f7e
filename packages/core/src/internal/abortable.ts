/**
 * An async iterable that ends when `signal` aborts: the pending `next()` rejects with the
 * signal's reason at once, and the source iterator is closed (`return()`), which for an Effect
 * stream interrupts its fibers and so aborts the request in flight. Already aborted: the first
 * `next()` rejects and the source is never started.
 */
export const abortable = <A>(source: AsyncIterable<A>, signal: AbortSignal | undefined): AsyncIterable<A> =>
  signal === undefined
    ? source
    : {
        [Symbol.asyncIterator]: (): AsyncIterator<A> => {
          let iterator: AsyncIterator<A> | undefined
          let finished = false
          let rejectPending: ((reason: unknown) => void) | undefined
          const stop = () => {
            if (finished) return
            finished = true
            signal.removeEventListener("abort", onAbort)
            // Closing interrupts the stream; its own outcome no longer matters to the caller.
            iterator?.return?.()?.catch(() => undefined)
          }
          const onAbort = () => {
            stop()
            rejectPending?.(signal.reason)
          }
          signal.addEventListener("abort", onAbort, { once: true })
          return {
            next: () => {
              if (signal.aborted) {
                stop()
                return Promise.reject(signal.reason)
              }
              if (finished) return Promise.resolve({ done: true, value: undefined })
              iterator ??= source[Symbol.asyncIterator]()
              return new Promise<IteratorResult<A>>((resolve, reject) => {
                rejectPending = reject
                iterator!.next().then(
                  (result) => {
                    if (result.done) stop()
                    resolve(result)
                  },
                  (error: unknown) => {
                    stop()
                    reject(error)
                  },
                )
              })
            },
            return: () => {
              stop()
              return Promise.resolve({ done: true, value: undefined })
            },
          }
        },
      }
