// One worker process of the queue benchmark. Prints `ready`; on SIGTERM closes and prints
// `stats <json>`: its peak RSS and its tracker rounds (jobs read, status requests made).
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { createVideoWorker } from "@vidbridge/queue"

const config = JSON.parse(process.env.BENCH_WORKER)
const http = { retry: { baseDelay: 20, maxDelay: 200, maxRetryAfter: 0 } }
const rounds = []
const worker = await createVideoWorker({
  connection: config.redisUrl,
  prefix: config.prefix,
  providers: [
    creatify({ ...config.settings.creatify, ...http }),
    drafts({ ...config.settings.drafts, ...http }),
  ],
  concurrency: 10,
  tracker: { interval: 200, lease: 3000 },
  onRound: (round) => rounds.push(round),
})
process.once("SIGTERM", async () => {
  await worker.close()
  const tracked = rounds.reduce((n, r) => n + r.tracked, 0)
  const requests = rounds.reduce((n, r) => n + r.requests, 0)
  const byAccount = {}
  for (const r of rounds) {
    byAccount[r.account] ??= { tracked: 0, requests: 0, rounds: 0 }
    const a = byAccount[r.account]
    a.tracked += r.tracked
    a.requests += r.requests
    a.rounds++
  }
  process.stdout.write(
    `stats ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, tracked, requests, byAccount })}\n`,
  )
  process.exit(0)
})
process.stdout.write("ready\n")
