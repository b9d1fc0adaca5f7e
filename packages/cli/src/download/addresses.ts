import { BlockList, isIP } from "node:net"

/** Where a download may connect: public addresses only, or loopback only (a simulator's files). */
export type AddressRule = "public" | "loopback"

const loopback = new BlockList()
loopback.addSubnet("127.0.0.0", 8, "ipv4")
loopback.addAddress("::1", "ipv6")

// Addresses that are not the public internet, by what they are. IPv4-mapped IPv6 addresses
// (::ffff:10.0.0.1) match the IPv4 rules: BlockList compares them as IPv4.
const ranges: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, number, "ipv4" | "ipv6"]>]> = [
  [
    "cloud metadata",
    [
      ["169.254.169.254", 32, "ipv4"],
      ["fd00:ec2::254", 128, "ipv6"],
    ],
  ],
  [
    "loopback",
    [
      ["127.0.0.0", 8, "ipv4"],
      ["::1", 128, "ipv6"],
    ],
  ],
  [
    "link-local",
    [
      ["169.254.0.0", 16, "ipv4"],
      ["fe80::", 10, "ipv6"],
    ],
  ],
  [
    "private",
    [
      ["10.0.0.0", 8, "ipv4"],
      ["172.16.0.0", 12, "ipv4"],
      ["192.168.0.0", 16, "ipv4"],
      ["100.64.0.0", 10, "ipv4"],
      ["fc00::", 7, "ipv6"],
      ["fec0::", 10, "ipv6"],
    ],
  ],
  [
    "reserved",
    [
      ["0.0.0.0", 8, "ipv4"],
      ["192.0.0.0", 24, "ipv4"],
      ["192.0.2.0", 24, "ipv4"],
      ["192.88.99.0", 24, "ipv4"],
      ["198.18.0.0", 15, "ipv4"],
      ["198.51.100.0", 24, "ipv4"],
      ["203.0.113.0", 24, "ipv4"],
      ["224.0.0.0", 4, "ipv4"],
      ["240.0.0.0", 4, "ipv4"],
      ["::", 128, "ipv6"],
      ["64:ff9b:1::", 48, "ipv6"],
      ["100::", 64, "ipv6"],
      ["2001:db8::", 32, "ipv6"],
      ["2002::", 16, "ipv6"],
      ["ff00::", 8, "ipv6"],
    ],
  ],
]

const kinds = ranges.map(([kind, subnets]) => {
  const list = new BlockList()
  for (const [network, prefix, family] of subnets) list.addSubnet(network, prefix, family)
  return [kind, list] as const
})

const nat64 = new BlockList()
nat64.addSubnet("64:ff9b::", 96, "ipv6")

/** The 32 low bits of an IPv6 address as dotted IPv4 (for NAT64's 64:ff9b::/96). */
const embeddedIpv4 = (address: string): string => {
  const [head = "", tail = ""] = address.split("::")
  const groups = (part: string) => (part === "" ? [] : part.split(":"))
  const expand = (list: string[]) =>
    list.flatMap((g) => {
      if (!g.includes(".")) return [Number.parseInt(g, 16)]
      const [a = 0, b = 0, c = 0, d = 0] = g.split(".").map(Number)
      return [(a << 8) | b, (c << 8) | d]
    })
  const left = expand(groups(head))
  const right = expand(groups(tail))
  const all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
  const [hi = 0, lo = 0] = all.slice(6)
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".")
}

/** What kind of non-public address `address` is, or `undefined` for a public one. */
export const specialUse = (address: string): string | undefined => {
  const family = isIP(address) === 6 ? "ipv6" : "ipv4"
  if (family === "ipv6" && nat64.check(address, "ipv6")) return specialUse(embeddedIpv4(address))
  return kinds.find(([, list]) => list.check(address, family))?.[0]
}

/** Whether `address` is on this machine (127.0.0.0/8, ::1, or those mapped into IPv6). */
export const isLoopback = (address: string): boolean =>
  loopback.check(address, isIP(address) === 6 ? "ipv6" : "ipv4")

/** Why `address` is refused under `rule`, or `undefined` when a connection may go there. */
export const refusal = (address: string, rule: AddressRule): string | undefined => {
  if (isIP(address) === 0) return "not an IP address"
  if (rule === "loopback") return isLoopback(address) ? undefined : "not loopback"
  const kind = specialUse(address)
  return kind === undefined ? undefined : `a ${kind} address`
}

/** The host of a URL as an IP address when it is one (`[::1]` -> `::1`), else `undefined`. */
export const ipLiteral = (hostname: string): string | undefined => {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname
  return isIP(bare) === 0 ? undefined : bare
}

/** Whether a URL's host names this machine (`localhost`, `127.0.0.1`, `[::1]`). */
export const isLoopbackHost = (hostname: string): boolean => {
  const literal = ipLiteral(hostname)
  if (literal !== undefined) return isLoopback(literal)
  const name = hostname.toLowerCase().replace(/\.$/, "")
  return name === "localhost" || name.endsWith(".localhost")
}
