// Restart for real (issues 13 and 20): the vendor's simulator runs in a process of its own on
// 127.0.0.1, and every step of the app runs in a new process that knows only the simulator's
// settings and what an earlier process stored in a file. The simulator's clock moves only as
// clients read (10 s per read): nothing jumps it before a resume, so each resumed process finds
// its job still in flight. See support/restart/ and reliability/README.md.
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { isSettled, JobRef, type JobStatus, SubmissionRef } from "@vidbridge/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { creditCalls } from "./support/faultMatrix/calls.js"
import { type Child, type ChildEvent, PROCESS_TEST_TIMEOUT, runNode, startNode } from "./support/processes.js"
import { restartSimulators } from "./support/restart/simulators.js"
import { type RestartVendor, type RestartVendorName, restartVendors } from "./support/restart/vendors.js"

const script = (name: string) => fileURLToPath(new URL(`./support/restart/${name}.ts`, import.meta.url))
const simulatorScript = script("simulatorProcess")
const clientScript = script("clientProcess")
const dir = mkdtempSync(join(tmpdir(), "vidbridge-restart-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Ledger {
  readonly routes: ReadonlyArray<string>
  readonly credits: number
}
interface Shown {
  readonly ref: string
  readonly status: JobStatus
  readonly videoUrl?: string
}

/** The one event named `name` among a finished process's events. */
const only = (events: ReadonlyArray<ChildEvent>, name: string) => {
  const found = events.filter((e) => e.event === name)
  expect(found, `events: ${JSON.stringify(events)}`).toHaveLength(1)
  return found[0]!
}

/** A job finished with a video served by the simulator, after a wait that began while it was still in flight. */
const expectFinishedFromFlight = (done: ChildEvent, ref: string) => {
  const job = done.job as Shown
  const seen = done.seen as ReadonlyArray<JobStatus>
  expect(job.ref).toBe(ref)
  expect(job.status).toBe("succeeded")
  expect(job.videoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  // No clock jump before the resume: the new process's first read found the job unfinished.
  expect(isSettled(seen[0]!), `statuses read: ${seen.join(", ")}`).toBe(false)
}

for (const name of Object.keys(restartVendors) as RestartVendorName[]) {
  const vendor: RestartVendor = restartVendors[name]
  const { renderRoute, renderPreviewRoute } = restartSimulators[name]
  // Every paid route of this vendor, from the fault matrix's rows (new paid calls join by themselves).
  const paidRoutes = [...new Set(creditCalls.filter((c) => c.vendor === vendor.label).map((c) => c.route))]

  describe(`${vendor.label}: restart across processes`, { timeout: PROCESS_TEST_TIMEOUT }, () => {
    let simulator: Child
    let env: Record<string, string>
    beforeAll(async () => {
      simulator = startNode(simulatorScript, [name])
      const ready = await simulator.next("ready")
      env = { VIDBRIDGE_RESTART: JSON.stringify({ settings: ready.settings, pageUrl: ready.pageUrl }) }
    }, PROCESS_TEST_TIMEOUT)
    afterAll(async () => {
      simulator.process.stdin.end()
      await simulator.exited
    }, PROCESS_TEST_TIMEOUT)

    const ledger = async (): Promise<Ledger> => {
      simulator.send({ cmd: "ledger" })
      return (await simulator.next("ledger")) as unknown as Ledger
    }
    const count = (ledger: Ledger, route: string) => ledger.routes.filter((r) => r === route).length
    /** Paid requests per route between two ledgers. */
    const paidBetween = (from: Ledger, to: Ledger) =>
      Object.fromEntries(paidRoutes.map((route) => [route, count(to, route) - count(from, route)]))
    const none = Object.fromEntries(paidRoutes.map((route) => [route, 0]))

    it("killed between send and answer: a new process finds the job by the stored submission ref and sends nothing", async () => {
      expect(paidRoutes).toContain(renderRoute)
      const before = await ledger()
      simulator.send({ cmd: "hold", route: renderRoute })
      await simulator.next("holding")
      const refFile = join(dir, `${name}.submission`)

      // The app writes the submission ref before sending; the vendor takes the render and its
      // answer never comes. Once the simulator says the render took effect, the app is killed.
      const app = startNode(clientScript, [name, "submit", refFile], env)
      const committed = await simulator.next("committed")
      app.process.kill("SIGKILL")
      expect((await app.exited).signal).toBe("SIGKILL")
      expect(app.log().map((e) => e.event)).toEqual(["persisted"])
      const atKill = await ledger()
      expect(paidBetween(before, atKill)[renderRoute]).toBe(1)

      const stored = readFileSync(refFile, "utf8")
      expect(SubmissionRef.parse(stored)).toMatchObject({
        provider: vendor.definition.id,
        operation: "render",
      })

      // A new process: only the stored string. It looks the render up until the vendor's list
      // shows it (list lag), then waits for the job.
      const done = only(await runNode(clientScript, [name, "find", refFile], env), "done")
      const job = done.job as Shown
      expect(JobRef.parse(job.ref).id).toBe((committed.jobs as ReadonlyArray<string>).at(-1))
      expectFinishedFromFlight(done, job.ref)
      expect(done.lookups as ReadonlyArray<string>).not.toContain("not_found settled")

      // Nothing was sent again: not one paid request, not one credit since the kill.
      const after = await ledger()
      expect(paidBetween(atKill, after)).toEqual(none)
      expect(after.credits).toBe(atKill.credits)
    })

    it("render -> restart -> wait: a new process finishes the job from its stored ref", async () => {
      const jobFile = join(dir, `${name}.render`)
      const started = only(await runNode(clientScript, [name, "start-render", jobFile], env), "started")
      const ref = (started.job as Shown).ref
      expect(readFileSync(jobFile, "utf8")).toBe(ref)
      const stored = await ledger()

      const done = only(await runNode(clientScript, [name, "wait", jobFile], env), "done")
      expectFinishedFromFlight(done, ref)
      expect(paidBetween(stored, await ledger())).toEqual(none)
    })

    if (vendor.previews !== undefined && renderPreviewRoute !== undefined) {
      it("previews -> restart -> renderPreview from the stored ref -> restart -> wait", async () => {
        const setFile = join(dir, `${name}.previews`)
        const renderFile = join(dir, `${name}.preview-render`)
        const started = only(await runNode(clientScript, [name, "start-previews", setFile], env), "started")
        const setRef = (started.job as Shown).ref
        const stored = await ledger()

        // A new process waits for the previews (still generating: no clock jump) and renders one.
        const rendering = only(
          await runNode(clientScript, [name, "render-preview", setFile, renderFile], env),
          "started",
        )
        expect((rendering.previews as Shown).ref).toBe(setRef)
        expect((rendering.previews as Shown).status).toBe("awaiting_selection")
        const seen = rendering.seen as ReadonlyArray<JobStatus>
        expect(isSettled(seen[0]!), `statuses read: ${seen.join(", ")}`).toBe(false)
        const renderRef = (rendering.job as Shown).ref
        expect(readFileSync(renderFile, "utf8")).toBe(renderRef)
        const rendered = await ledger()
        expect(paidBetween(stored, rendered)).toEqual({ ...none, [renderPreviewRoute]: 1 })

        // And a third process finishes the render from its stored ref.
        const done = only(await runNode(clientScript, [name, "wait", renderFile], env), "done")
        expectFinishedFromFlight(done, renderRef)
        expect(paidBetween(rendered, await ledger())).toEqual(none)
      })
    }
  })
}
