import type { RequestHandler } from "msw"
import type { HandlerContext } from "./context.js"
import { makeLinkHandlers } from "./handlersLinks.js"
import { makeTemplateHandlers } from "./handlersTemplates.js"
import { makeVideoHandlers } from "./handlersVideos.js"

/**
 * Every msw handler of the simulated Creatify API under `https://api.creatify.ai`: links, AI
 * scripts, link-to-video jobs, custom template and Aurora jobs, and the simulator's file pages.
 */
export const makeCreatifyHandlers = (ctx: HandlerContext): RequestHandler[] => [
  ...makeLinkHandlers(ctx),
  ...makeVideoHandlers(ctx),
  ...makeTemplateHandlers(ctx),
]
