import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Fiber from "effect/Fiber"

const finished: IteratorReturnResult<undefined> = { done: true, value: undefined }

/**
 * What a wait reports, as an `AsyncIterable`: the Promise face of `watch`. The wait starts on
 * the first `next()`; its reports are kept until read; the iteration ends when the wait
 * succeeds and throws what it failed with; `return()` interrupts it (and the request in flight)
 * and resolves once it has stopped. Effect's Stream does the same for the Effect API, but would
 * add about 4 KB gzip to every app bundle for this one loop.
 */
export const reportsOf = <A>(
  wait: (report: (value: A) => void) => Effect.Effect<unknown, unknown>,
): AsyncIterable<A> => ({
  [Symbol.asyncIterator]: (): AsyncIterator<A, undefined> => {
    const reports: Array<A> = []
    let fiber: Fiber.Fiber<unknown, unknown> | undefined
    let exit: Exit.Exit<unknown, unknown> | undefined
    let closed = false
    let wake: (() => void) | undefined
    const woken = () => {
      const resume = wake
      wake = undefined
      resume?.()
    }
    const stopped = () =>
      new Promise<void>((resolve) => {
        if (exit === undefined) fiber?.addObserver(() => resolve())
        else resolve()
      })
    const start = (): Fiber.Fiber<unknown, unknown> => {
      const started = Effect.runFork(
        // A wait that cannot even start (a bad ref) fails here, as its first read would.
        Effect.suspend(() =>
          wait((value) => {
            reports.push(value)
            woken()
          }),
        ),
      )
      started.addObserver((done) => {
        exit = done
        woken()
      })
      return started
    }
    return {
      next: async () => {
        fiber ??= start()
        for (;;) {
          if (closed) return finished
          if (reports.length > 0) return { done: false, value: reports.shift()! }
          if (exit !== undefined) {
            closed = true
            if (Exit.isSuccess(exit)) return finished
            throw Cause.squash(exit.cause)
          }
          await new Promise<void>((resolve) => {
            wake = resolve
          })
        }
      },
      return: async () => {
        closed = true
        if (fiber !== undefined && exit === undefined) {
          fiber.interruptUnsafe()
          await stopped()
        }
        return finished
      },
    }
  },
})
