/**
 * An async iterable that ends when `signal` aborts: the pending `next()` rejects with the
 * signal's reason at once, and the source iterator is closed (`return()`), which for an Effect
 * stream interrupts its fibers and so aborts the request in flight. Already aborted: `next()`
 * rejects and the source is never started.
 */
export const abortable = <A>(source: AsyncIterable<A>, signal: AbortSignal | undefined): AsyncIterable<A> =>
  signal === undefined
    ? source
    : {
        [Symbol.asyncIterator]: (): AsyncIterator<A> => {
          let iterator: AsyncIterator<A> | undefined
          let onAbort!: () => void
          const aborted = new Promise<never>((_, reject) => {
            onAbort = () => {
              stop()
              // Closing interrupts the stream; its own outcome no longer matters to the caller.
              iterator?.return?.()?.catch(() => undefined)
              reject(signal.reason)
            }
          })
          aborted.catch(() => undefined) // a caller that never calls next() again is not told
          const stop = () => signal.removeEventListener("abort", onAbort)
          signal.addEventListener("abort", onAbort, { once: true })
          return {
            next: () => {
              if (signal.aborted) {
                onAbort()
                return aborted
              }
              iterator ??= source[Symbol.asyncIterator]()
              return Promise.race([aborted, iterator.next()]).then(
                (result) => {
                  if (result.done) stop()
                  return result
                },
                (error: unknown) => {
                  stop()
                  throw error
                },
              )
            },
            return: async () => {
              stop()
              await iterator?.return?.()
              return { done: true, value: undefined }
            },
          }
        },
      }
