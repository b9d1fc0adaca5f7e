// One worker process of the chaos run: the three vendors' adapters on the served simulators and
// a `@vidbridge/queue` worker. Prints `ready <id>` once it takes orders; SIGTERM closes it.
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import { createVideoWorker } from "@vidbridge/queue"
import * as Schedule from "effect/Schedule"

const config = JSON.parse(process.env.CHAOS_WORKER)
// A 429 reaches the worker at once (maxRetryAfter 0), which pauses the account for every worker.
const http = { retry: { baseDelay: 20, maxDelay: 200, maxRetryAfter: 0 }, timeout: 20_000 }
const worker = await createVideoWorker({
  connection: config.redisUrl,
  prefix: config.prefix,
  id: config.id,
  providers: [
    creatify({ ...config.settings.creatify, ...http }),
    // The queue holds JoggAI's limit for the whole cluster (in the simulator's scaled time).
    jogg({ ...config.settings.jogg, ...http, postsPerMinute: false }),
    drafts({ ...config.settings.drafts, ...http }),
  ],
  // The margin covers the time between a turn and its request reaching the simulator, which does
  // not shrink with the scaled clock (a real minute dwarfs it; 2 s of real time does not).
  limits: { jogg: { max: 20, duration: 60_000 / config.speed, margin: 0.5 } },
  concurrency: 25,
  webhookUrl: config.webhookUrl,
  tracker: { interval: 1000, lease: 3000, minInterval: 0 },
  parkFor: 20_000,
  lookupEvery: 500,
  reconcile: { window: "30 seconds", schedule: Schedule.spaced("300 millis"), minInterval: 0 },
  lockDuration: 4000,
  stalledInterval: 2000,
  rateLimitPause: 1000,
  handleSignals: true,
})
process.stdout.write(`ready ${worker.id}\n`)
