// `vidbridge demo` on a real terminal: tmux (Debian's package; `.ci/run` installs it when missing)
// gives it a pseudo-terminal, records every byte it writes (pipe-pane) and shows the final
// screen (capture-pane). Each step waits on an event (tmux's wait-for channels), not on time.
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))
// Bounds a hang only (every step waits on an event), sized for a busy 2-core machine.
const TTY_TEST_TIMEOUT = 180_000
const dir = mkdtempSync(join(tmpdir(), "vidbridge-tty-"))
const socket = join(dir, "tmux.sock")

/** Runs `tmux -S <our socket> ...args` to the end: our own tmux server, no one else's. */
const tmux = (...args: string[]) =>
  new Promise<string>((done, fail) => {
    const child = spawn("tmux", ["-S", socket, ...args], { stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => {
      out += d
    })
    child.stderr.on("data", (d) => {
      err += d
    })
    child.once("error", fail)
    child.once("close", (code) => (code === 0 ? done(out) : fail(new Error(`tmux ${args[0]}: ${err}`))))
  })

afterAll(async () => {
  if (existsSync(socket)) await tmux("kill-server").catch(() => {})
})

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`

describe("vidbridge demo under a pseudo-terminal", { timeout: TTY_TEST_TIMEOUT }, () => {
  it("draws one bar per provider, redrawn in place, and ends with the final table", async () => {
    expect(existsSync(bin), "build the packages first (the root test script does)").toBe(true)
    const raw = join(dir, "raw.log")
    // CI=true would make the CLI print plain lines; a terminal without it is what a person has.
    const demo = [
      "env -u CI VIDBRIDGE_SIM_SPEED=600 VIDBRIDGE_SIM_POLL_MS=50",
      quote(process.execPath),
      quote(bin),
      "demo --out",
      quote(join(dir, "demo")),
    ].join(" ")
    const tm = `tmux -S ${quote(socket)}`
    // The pane waits for "go" (so recording starts before the first byte), runs the demo, says "done".
    await tmux(
      ...["new-session", "-d", "-s", "demo", "-x", "150", "-y", "50"],
      `${tm} wait-for go; ${demo}; echo "exit code $?"; ${tm} wait-for -S done`,
    )
    // The pane stays (with its screen) after the command ends, until the server is killed.
    await tmux("set-option", "-t", "demo", "remain-on-exit", "on")
    await tmux("pipe-pane", "-t", "demo", "-o", `cat > ${quote(raw)}`)
    const finished = tmux("wait-for", "done")
    await tmux("wait-for", "-S", "go")
    await finished
    const screen = (await tmux("capture-pane", "-p", "-t", "demo", "-S", "-", "-E", "-")).split("\n")
    const written = readFileSync(raw, "utf8")
    if (process.env.VIDBRIDGE_SHOW_SCREEN) console.log(screen.join("\n"))

    // Redrawn in place: the cursor goes back up over the three bars, again and again.
    expect(written.split("\x1b[3A").length - 1).toBeGreaterThan(3)
    // On the screen each provider's bar is there once, finished, above the table.
    const barLines = (id: string) => screen.filter((line) => new RegExp(`^${id}\\s+\\[[#.]+\\]`).test(line))
    for (const id of ["creatify", "jogg", "drafts"]) {
      expect(barLines(id)).toHaveLength(1)
      expect(barLines(id)[0]).toMatch(/\[#{24}\] 100%\s+done\s+[\d.]+ s$/)
    }
    const header = screen.findIndex((line) => /^provider\s+mode\s+status\s+wall time/.test(line))
    expect(header).toBeGreaterThan(screen.indexOf(barLines("drafts")[0]!))
    for (const id of ["creatify", "jogg", "drafts"])
      expect(screen.slice(header).some((l) => new RegExp(`^${id}\\s+simulator\\s+succeeded`).test(l))).toBe(
        true,
      )
    expect(screen.some((l) => /^report: .*report\.html$/.test(l))).toBe(true)
    expect(screen).toContain("exit code 0")
  })
})
