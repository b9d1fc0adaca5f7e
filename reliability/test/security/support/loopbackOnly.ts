// A safety net for tests that hand the code under test private or public addresses: whatever
// that code does, no TCP socket of this process connects anywhere but loopback. A connection it
// would have made elsewhere fails with `BlockedByTest` instead (and no packet leaves).
import { lookup as dnsLookup } from "node:dns"
import { BlockList, isIP, type LookupFunction, Socket } from "node:net"

const loopback = new BlockList()
loopback.addSubnet("127.0.0.0", 8, "ipv4")
loopback.addAddress("::1", "ipv6")
const onLoopback = (address: string) => loopback.check(address, isIP(address) === 6 ? "ipv6" : "ipv4")

/** The error a connection beyond loopback fails with. */
export class BlockedByTest extends Error {
  readonly address: string
  constructor(address: string) {
    super(`test safety net: refused to connect to ${address} (not loopback)`)
    this.address = address
  }
}

type Found = string | ReadonlyArray<{ readonly address: string }>

const guarded =
  (lookup: LookupFunction): LookupFunction =>
  (hostname, options, callback) =>
    lookup(hostname, options, ((error: NodeJS.ErrnoException | null, found: Found, family: number) => {
      const pass = callback as (...args: unknown[]) => void
      if (error) return pass(error, "", 0)
      const addresses = typeof found === "string" ? [found] : found.map((f) => f.address)
      const outside = addresses.find((a) => !onLoopback(a))
      if (outside !== undefined) return pass(new BlockedByTest(outside), "", 0)
      pass(null, found, family)
    }) as never)

/** Installs the net; answers the function that removes it. */
export const keepSocketsOnLoopback = (): (() => void) => {
  const original = Socket.prototype.connect
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    // net.createConnection passes [options, callback]; direct callers pass options or (port, host).
    const first = Array.isArray(args[0]) ? args[0][0] : args[0]
    if (first !== null && typeof first === "object") {
      const options = first as { host?: string; path?: string; lookup?: LookupFunction }
      if (options.path == null) {
        const host = (options.host ?? "localhost").replace(/^\[|\]$/g, "")
        if (isIP(host) !== 0 && !onLoopback(host)) throw new BlockedByTest(host)
        options.lookup = guarded(options.lookup ?? (dnsLookup as unknown as LookupFunction))
      }
    }
    return original.apply(this, args as never)
  } as typeof original
  return () => {
    Socket.prototype.connect = original
  }
}
