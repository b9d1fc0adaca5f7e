import { describe, expect, it } from "vitest"
import { type Io, makeBars, type ProgressEvent } from "../src/index.js"

const capture = (interactive: boolean, columns?: number) => {
  let err = ""
  const io: Io = {
    out: () => {},
    err: (t) => {
      err += t
    },
    interactive,
    columns,
    env: {},
  }
  return { io, text: () => err }
}

const at = (group: string, time: number, stage: string, status: string, extra: Partial<ProgressEvent> = {}) =>
  ({ group, at: time, stage, status, ...extra }) satisfies ProgressEvent

/** Plays escape codes onto a screen of lines: enough of a terminal to see what a person sees. */
const screen = (output: string): string[] => {
  const lines: string[] = [""]
  let row = 0
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escape codes are what it reads
  for (const token of output.match(/\x1b\[\d*[A-Za-z]|\r|\n|[^\x1b\r\n]+/g) ?? []) {
    if (token === "\n") {
      row++
      lines[row] ??= ""
    } else if (token === "\r") {
      // column 0: the next text overwrites the line from its start (after a clear, below)
    } else if (token.startsWith("\x1b[") && token.endsWith("A"))
      row = Math.max(0, row - Number(token.slice(2, -1) || 1))
    else if (token === "\x1b[2K") lines[row] = ""
    else if (token === "\x1b[J") lines.length = row + 1
    else if (!token.startsWith("\x1b")) lines[row] = (lines[row] ?? "") + token
  }
  return lines.filter((l, i) => l !== "" || i < row)
}

describe("progress bars", () => {
  it("on a terminal, one bar per group redrawn in place, ending in each group's final state", () => {
    const { io, text } = capture(true)
    let now = 0
    const bars = makeBars(io, { now: () => now, tick: 0 })
    bars.sink(at("creatify", 0, "product", "running"))
    bars.sink(at("drafts", 0, "product", "running"))
    now = 1500
    bars.sink(at("creatify", 1500, "previews", "running", { progress: 0.5 }))
    bars.sink(at("drafts", 1600, "render", "running", { progress: 0.25 }))
    expect(screen(text())).toEqual([
      "creatify  [############............]  50%  previews: running  1.5 s",
      "drafts    [######..................]  25%  render: running  1.5 s",
    ])
    bars.sink(at("drafts", 3000, "render", "succeeded", { final: true }))
    bars.sink(at("creatify", 4200, "render", "failed", { final: true }))
    bars.close()
    expect(screen(text())).toEqual([
      "creatify  [........................]    -  failed (render)  4.2 s",
      "drafts    [########################] 100%  done  3.0 s",
    ])
    // Drawn in place: every redraw goes back up over the two bars.
    expect(text().split("\x1b[2A").length - 1).toBe(5)
  })

  it("past maxRows, the busiest bars and one line summing up the rest (a batch of many orders)", () => {
    const { io, text } = capture(true)
    const bars = makeBars(io, { now: () => 10_000, tick: 0, maxRows: 4 })
    for (let i = 0; i < 20; i++) bars.sink(at(`order-${i}`, 0, "render", "running"))
    for (let i = 0; i < 15; i++)
      bars.sink(at(`order-${i}`, 5000, "render", i < 12 ? "succeeded" : "failed", { final: true }))
    bars.close()
    const shown = screen(text())
    expect(shown).toHaveLength(4)
    expect(shown.slice(0, 3).every((l) => l.includes("render: running"))).toBe(true)
    expect(shown[3]).toBe("... 17 more: 12 succeeded, 3 failed, 2 running")
  })

  it("clips lines to the terminal's width so a redraw never wraps", () => {
    const { io, text } = capture(true, 40)
    const bars = makeBars(io, { now: () => 0, tick: 0 })
    bars.sink(at("a-provider-with-a-long-name", 0, "previews", "awaiting_selection"))
    bars.close()
    for (const line of screen(text())) expect(line.length).toBeLessThanOrEqual(39)
  })

  it("without a terminal, one plain line per change and no escape codes", () => {
    const { io, text } = capture(false)
    const bars = makeBars(io, { now: () => 0 })
    bars.sink(at("jogg", 0, "previews", "running", { progress: 0.2 }))
    bars.sink(at("jogg", 10, "previews", "running", { progress: 0.2 }))
    bars.sink(at("jogg", 20, "render", "succeeded", { final: true }))
    bars.close()
    expect(text()).toBe("jogg previews: running 20%\njogg render: succeeded 100%\n")
  })

  it("--json shows nothing", () => {
    const { io, text } = capture(true)
    const bars = makeBars(io, { quiet: true, now: () => 0 })
    bars.sink(at("jogg", 0, "previews", "running"))
    bars.close()
    expect(text()).toBe("")
  })
})
