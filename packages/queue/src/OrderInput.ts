import {
  type Capabilities,
  type InputIssue,
  PreviewRequestSchema,
  ProductInputSchema,
  RenderRequestSchema,
  type VideoError,
} from "@vidbridge/core"
import { invalidInput, validate } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"

// What an order is: "make this video", checked before it is queued, and the steps it takes.

/** An order's key: 1-60 of `A-Z a-z 0-9 _ -`, starting with a letter or digit (a step suffix makes each paid call's key). */
export const ORDER_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/

const record = z.record(z.string(), z.unknown())

/** The order as the app writes it; see {@link OrderInput}. */
export const OrderInputSchema = z
  .strictObject({
    idempotencyKey: z
      .string()
      .check(
        z.regex(ORDER_KEY, "must be 1-60 characters of A-Z a-z 0-9 _ -, starting with a letter or digit"),
      ),
    provider: z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,31}$/, "must be a provider id such as jogg")),
    product: z.optional(record),
    template: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    variables: z.optional(record),
    previews: z.optional(
      z.strictObject({
        visualStyles: z.optional(z.array(z.string())),
        aspectRatios: z.optional(z.array(z.string())),
        targetPlatform: z.optional(z.string()),
        targetAudience: z.optional(z.string()),
        choose: z.optional(z.union([z.literal("first"), z.number().check(z.int(), z.gte(0), z.lte(19))])),
      }),
    ),
    render: z.optional(record),
    metadata: z.optional(
      z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
        .check(z.refine((m) => Object.keys(m).length <= 50, "has at most 50 entries")),
    ),
  })
  .check(
    z.refine((o) => o.product !== undefined || o.template !== undefined, {
      message: "give product (a page URL or your product data) or template (a vendor template or draft)",
      path: ["product"],
    }),
  )

/**
 * One video to make. `idempotencyKey` names the order: submitting it again answers the same
 * order, never a second video. The flow follows from what is given:
 *
 * - `product` (`{ url }` or `{ title, imageUrls, ... }`) without `template`: product -> previews ->
 *   render the chosen preview (`previews.choose`: `"first"` usable, default, or an index); on a
 *   vendor without previews, product -> render.
 * - `template` (a vendor template, Hour One draft or recipe) with `variables`, and optionally a
 *   `product`: one render.
 *
 * `render` holds the render options of core's `RenderRequest` (aspect ratio, language, duration,
 * avatar, voice, subtitles, name, `providerOptions`, ...). `metadata` is yours, kept on the order.
 *
 * @example
 * ```ts
 * await queue.submit({ idempotencyKey: "sku-42-tiktok", provider: "jogg",
 *   product: { url: "https://shop.example/p/42" }, render: { aspectRatio: "9:16" } })
 * ```
 */
export interface OrderInput {
  readonly idempotencyKey: string
  readonly provider: string
  readonly product?: Readonly<Record<string, unknown>> | undefined
  readonly template?: string | undefined
  readonly variables?: Readonly<Record<string, unknown>> | undefined
  readonly previews?:
    | {
        readonly visualStyles?: ReadonlyArray<string> | undefined
        readonly aspectRatios?: ReadonlyArray<string> | undefined
        readonly targetPlatform?: string | undefined
        readonly targetAudience?: string | undefined
        readonly choose?: "first" | number | undefined
      }
    | undefined
  readonly render?: Readonly<Record<string, unknown>> | undefined
  readonly metadata?: Readonly<Record<string, string | number | boolean | null>> | undefined
}

/** A step of an order: make the product, generate previews, render. */
export type Step = "product" | "previews" | "render"

/** The steps an order takes on a vendor with these capabilities. */
export const stepsOf = (order: OrderInput, capabilities: Capabilities): ReadonlyArray<Step> => {
  if (order.template !== undefined) return order.product === undefined ? ["render"] : ["product", "render"]
  return capabilities.operations.includes("generatePreviews")
    ? ["product", "previews", "render"]
    : ["product", "render"]
}

/** The submission key of a step's paid call: the order's key and a letter per step. */
export const stepKey = (order: OrderInput, step: Step): string =>
  `${order.idempotencyKey}-${step === "product" ? "p" : step === "previews" ? "v" : "r"}`

const SAMPLE_PRODUCT = "vidbridge:product:sample" // stands in for the product ref when checking requests

const issuesOf = (error: VideoError): ReadonlyArray<InputIssue> =>
  error.reason._tag === "InvalidInput" ? error.reason.issues : [{ path: "", message: error.reason.message }]

/** The vendor operations an order needs, with the field that asks for each. */
const needs = (order: OrderInput, steps: ReadonlyArray<Step>) => [
  ...(steps.includes("product") ? [["createProduct", "product"] as const] : []),
  ...(steps.includes("previews")
    ? [["generatePreviews", "previews"] as const, ["renderPreview", "previews"] as const]
    : [["render", order.template === undefined ? "product" : "template"] as const]),
]

/**
 * Checks an order before anything is queued or sent: its shape, every request it will make
 * against core's own input schemas, and (given the provider's capabilities) that the vendor can
 * take that flow. Fails with `InvalidInput` naming each field (`render.aspectRatio`, ...).
 */
export const checkOrder = (
  input: unknown,
  capabilities?: Capabilities,
): Effect.Effect<OrderInput, VideoError> =>
  Effect.gen(function* () {
    const context = { provider: "vidbridge", operation: "submit" }
    const order = (yield* validate(OrderInputSchema, input, context)) as OrderInput
    const issues: InputIssue[] = []
    const check = (schema: z.ZodMiniType, value: unknown, field: string) => {
      const checked = Effect.runSync(Effect.result(validate(schema, value, { ...context, field })))
      if (checked._tag === "Failure") issues.push(...issuesOf(checked.failure))
    }
    if (order.product !== undefined) check(ProductInputSchema, order.product, "product")
    const product = order.product === undefined ? {} : { product: SAMPLE_PRODUCT }
    check(
      RenderRequestSchema,
      { ...order.render, ...product, template: order.template, variables: order.variables },
      "render",
    )
    if (order.previews !== undefined) {
      const { choose: _choose, ...previews } = order.previews
      if (order.template !== undefined)
        issues.push({ path: "previews", message: "is for product orders; a template order renders at once" })
      else check(PreviewRequestSchema, { ...previews, product: SAMPLE_PRODUCT }, "previews")
    }
    if (capabilities !== undefined) {
      for (const [operation, field] of needs(order, stepsOf(order, capabilities))) {
        if (!capabilities.operations.includes(operation))
          issues.push({ path: field, message: `${order.provider} cannot ${operation}` })
      }
      const url = typeof order.product?.url === "string"
      if (order.product !== undefined && url && !capabilities.productFromUrl)
        issues.push({ path: "product.url", message: `${order.provider} cannot make a product from a URL` })
      if (order.product !== undefined && !url && !capabilities.productFromParams)
        issues.push({ path: "product", message: `${order.provider} cannot make a product from your data` })
    }
    if (issues.length > 0) return yield* Effect.fail(invalidInput("vidbridge", "submit", issues))
    return order
  })

/** A stable text of the order, to tell a repeated submit from a different order with the same key. */
export const fingerprint = (order: OrderInput): string => {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .flatMap((k) => {
                const v = (value as Record<string, unknown>)[k]
                return v === undefined ? [] : [[k, sorted(v)]]
              }),
          )
        : value
  return JSON.stringify(sorted(order))
}
