// Every credit-spending call of every adapter (`spendsCredits: true` in packages/adapter-*/src),
// each made through the neutral client on a fresh simulator: the rows of the fault matrix.
import type { CreditCall } from "./call.js"
import { creatifyCalls } from "./creatify.js"
import { draftsCalls } from "./drafts.js"
import { joggCalls } from "./jogg.js"

export type { Answer, CreditCall } from "./call.js"

/** Every credit-spending call, in table order. */
export const creditCalls: ReadonlyArray<CreditCall> = [...creatifyCalls, ...joggCalls, ...draftsCalls]
