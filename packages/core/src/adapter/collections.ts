/**
 * Splits `items` into runs of at most `size`, in order: the ids of one batch read, say.
 *
 * @example
 * ```ts
 * chunk(["a", "b", "c"], 2) // [["a", "b"], ["c"]]
 * ```
 */
export const chunk = <A>(items: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** A map that keeps only the `max` entries read or written most recently (a small LRU cache). */
export interface LruCache<V> {
  /** The value of `key`, which becomes the most recently used; `undefined` when not kept. */
  readonly get: (key: string) => V | undefined
  /** Keeps `value` as the most recently used, forgetting the least recently used beyond `max`. */
  readonly set: (key: string, value: V) => void
}

/**
 * Makes an empty {@link LruCache} of at most `max` entries: bounded memory for what a provider
 * remembers between calls (the products it made, so a bare ref can be resolved later).
 *
 * @example
 * ```ts
 * const products = makeLruCache<Product>(256)
 * products.set(product.id, product)
 * ```
 */
export const makeLruCache = <V>(max: number): LruCache<V> => {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const entries = new Map<string, V>()
  return {
    get: (key) => {
      const value = entries.get(key)
      if (value !== undefined) {
        entries.delete(key)
        entries.set(key, value)
      }
      return value
    },
    set: (key, value) => {
      entries.delete(key)
      entries.set(key, value)
      if (entries.size > max) entries.delete(entries.keys().next().value!)
    },
  }
}
