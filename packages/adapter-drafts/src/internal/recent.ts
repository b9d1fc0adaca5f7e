/** A map keeping only the `max` entries read or written most recently (a small LRU). */
export interface Recent<V> {
  readonly get: (key: string) => V | undefined
  readonly set: (key: string, value: V) => void
}

/** Makes an empty {@link Recent} of at most `max` entries. */
export const makeRecent = <V>(max: number): Recent<V> => {
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
