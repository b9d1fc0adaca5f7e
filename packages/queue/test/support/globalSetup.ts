// Real Redis for the queue's tests (and the reliability chaos run). REDIS_URL wins (`.ci/run`
// starts a throwaway server and exports it); otherwise a `redis-server` on PATH is started on a
// free loopback port with persistence off, and stopped after the run. Without either, the tests
// that need Redis fail with `redisProblem`, which says how to get one: they never skip.
import { type ChildProcess, spawn } from "node:child_process"
import { createServer, Socket } from "node:net"
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string
    redisProblem: string
  }
}

const HOW =
  "The queue's tests need Redis: install it (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis) so redis-server is on PATH, or export REDIS_URL=redis://127.0.0.1:6379 for a running one."

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = new Socket()
    socket.once("error", () => resolve(false))
    socket.connect(port, "127.0.0.1", () => {
      socket.write("PING\r\n")
      socket.once("data", (data) => {
        socket.destroy()
        resolve(data.toString().startsWith("+PONG"))
      })
    })
  })

/** Starts redis-server on a free port; resolves once it logs that it accepts connections. */
const startRedis = async (): Promise<{ url: string; child: ChildProcess } | string> => {
  const port = await freePort()
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--loglevel",
      "notice",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  )
  return new Promise((resolve) => {
    let log = ""
    const onData = (chunk: Buffer) => {
      log += chunk
      if (/Ready to accept connections/.test(log)) {
        child.stdout?.off("data", onData)
        child.stdout?.resume()
        resolve({ url: `redis://127.0.0.1:${port}`, child })
      }
    }
    child.stdout?.on("data", onData)
    child.stderr?.resume()
    child.once("error", (error) => resolve(`could not start redis-server (${error.message}). ${HOW}`))
    child.once("exit", (code) =>
      resolve(`redis-server exited (${code}) before it was ready: ${log.slice(-300)}`),
    )
  })
}

export default async function setup(project: TestProject) {
  const given = process.env.REDIS_URL
  if (given) {
    const port = Number(new URL(given).port || 6379)
    project.provide("redisUrl", given)
    project.provide(
      "redisProblem",
      (await answers(port)) ? "" : `REDIS_URL=${given} does not answer PING. ${HOW}`,
    )
    return
  }
  const started = await startRedis()
  if (typeof started === "string") {
    project.provide("redisUrl", "")
    project.provide("redisProblem", started)
    return
  }
  project.provide("redisUrl", started.url)
  project.provide("redisProblem", "")
  return async () => {
    const exited = new Promise((resolve) => started.child.once("exit", resolve))
    started.child.kill("SIGTERM")
    await exited
  }
}
