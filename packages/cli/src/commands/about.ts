// What `vidbridge --help` and `vidbridge <command> --help` show: every command's text, apart from
// the code that runs it, so that help loads no vendor code (main.ts imports a command's module only
// to run it).

/** A command's name and help text. */
export interface About {
  readonly name: string
  readonly summary: string
  readonly usage: string
  /** More for `--help`, after the usage line: what the flags mean, examples. */
  readonly help?: string | undefined
}

/** Where `vidbridge demo` writes unless told (`--out`). */
export const DEMO_OUT = "vidbridge-demo"

/** The most items a catalog command shows without `--limit`. */
export const MAX_SHOWN = 1000

const catalog = (name: string, noun: string, takenBy: string): About => ({
  name,
  summary: `list a vendor's ${noun} (ids for ${takenBy})`,
  usage: `vidbridge ${name} --provider <name> [--search <text>] [--limit <1-100>] [--cursor <cursor>] [--simulate] [--json]`,
  help: [
    `Shows all the ${noun} the vendor lists (up to ${MAX_SHOWN}), or one page of --limit of them.`,
    "--search keeps those whose name contains the text (vendors that search may match more).",
    "When there are more, the last line gives the --cursor that continues after them.",
    `The id column is what ${takenBy} takes; \`create\` also takes the name when it is unique.`,
    "A vendor without this catalog answers UnsupportedOperation (exit 1); nothing is spent.",
  ].join("\n"),
})

/** Every subcommand's text, in help order. */
export const about = {
  create: {
    name: "create",
    summary: "make a video of a product page (or an avatar video) on one provider",
    usage:
      "vidbridge create --provider <name> --url <product-url> [--aspect 9:16|16:9|1:1 (default 9:16)] [--duration 30] [--language en] [--template <id|name>] [--style <visual style>] [--avatar <id|name>] [--voice <id|name>] [--script <text>] [--wait] [--timeout 20m] [--simulate] [--json]\n" +
      "       vidbridge create --provider <name> --script <text> --avatar <id|name> --voice <id|name> [--aspect 9:16] [--wait] [--json]\n" +
      "       vidbridge create --provider <name> --image <photo-url> --audio <speech-url> [--wait] [--json]",
    help: [
      "With --url: the product page -> video flow (previews and a render, or a template render).",
      "Without --url, an avatar video: --avatar (or a photo, --image) saying --script in --voice,",
      "or the recording at --audio. `vidbridge providers` shows which kinds each vendor makes.",
      "--avatar, --voice and --template take an id or a name from the vendor's catalog",
      "(`vidbridge avatars|voices|templates`): a name that matches several items lists them, and an",
      "unknown one says so, before anything that spends credits is sent. What is not given is",
      "chosen from the vendor's catalog (an avatar offered in --aspect, a voice in --language,",
      "the first visual style for --aspect, music off) and printed first; Hour One needs",
      "--template <draft id> or HOURONE_DRAFT_ID (its API cannot list drafts).",
    ].join("\n"),
  },
  status: { name: "status", summary: "read a job once", usage: "vidbridge status <ref> [--json]" },
  wait: {
    name: "wait",
    summary: "wait for a job to finish, with live progress",
    usage: "vidbridge wait <ref> [--timeout 20m] [--json]",
  },
  download: {
    name: "download",
    summary: "save a finished video to a file, with progress",
    usage: "vidbridge download <ref> <file> [--force] [--max-size 1g] [--timeout 30m] [--json]",
  },
  compare: {
    name: "compare",
    summary: "run the URL-to-video flow on several providers concurrently and compare",
    usage:
      "vidbridge compare --url <product-url> --providers creatify,jogg,drafts [--aspect 9:16] [--language en] [--avatar [<provider>=]<id|name>] [--voice ...] [--style ...] [--template drafts=<draft id>] [--max-credits N] [--yes] [--timeout 20m] [--report <file.html>] [--download <dir>] [--force] [--simulate] [--json]",
    help: [
      "Before anything is spent, each vendor's inputs are chosen from its own catalog unless given:",
      "an active avatar offered in --aspect, a voice in --language (default en; of the avatar's",
      "gender where both say), the first visual style listed for --aspect, music off. --avatar,",
      "--voice, --style and --template take <provider>=<id or name> (repeat per provider) or a plain",
      "value for every provider. Hour One renders a studio draft it cannot list: give",
      "--template drafts=<draft id> or set HOURONE_DRAFT_ID, or its column is left out.",
      "What each vendor will use, its credit estimate and the balance are printed first. A run on",
      "live vendors asks for confirmation on a terminal; without one it needs --yes (else exit 2).",
      "--max-credits N refuses (exit 2) a run whose estimates add up to more than N. Simulators",
      "spend nothing real and are never asked about.",
    ].join("\n"),
  },
  batch: {
    name: "batch",
    summary: "make every order of a CSV or JSON Lines file (here, or on Redis with --redis for workers)",
    usage:
      "vidbridge batch <orders.csv|orders.jsonl> [--providers creatify,jogg] [--out results.jsonl] [--concurrency 8] [--timeout 60m] [--redis <url>] [--prefix vidbridge] [--name videos] [--simulate] [--json]",
  },
  worker: {
    name: "worker",
    summary: "make orders queued on Redis (run as many as you like; Ctrl-C or SIGTERM stops gracefully)",
    usage:
      "vidbridge worker --redis <url> [--providers creatify,jogg,drafts] [--concurrency 10] [--webhook-url <public url>] [--prefix vidbridge] [--name videos]",
  },
  demo: {
    name: "demo",
    summary: "run compare on every vendor's simulator against a sample product page (no keys needed)",
    usage: `vidbridge demo [--out ${DEMO_OUT}] [--json]`,
  },
  providers: {
    name: "providers",
    summary: "show what each vendor can do, and whether it runs live or on its simulator",
    usage: "vidbridge providers [--json]",
    help: [
      "catalogs: the lists `vidbridge avatars|voices|music|templates|styles|credits` can read there.",
      "avatar videos: what `create` without --url can make (avatar+script: --avatar --voice --script;",
      "image+audio: --image --audio; ...).",
    ].join("\n"),
  },
  avatars: catalog("avatars", "avatars", "create --avatar"),
  voices: catalog("voices", "voices", "create --voice"),
  music: catalog("music", "music tracks", "the vendor's music option"),
  templates: catalog("templates", "templates", "create --template"),
  styles: catalog("styles", "visual styles", "create --style"),
  credits: {
    name: "credits",
    summary: "show the credits left on a vendor account",
    usage: "vidbridge credits --provider <name> [--simulate] [--json]",
    help: "Reads the account's balance (a free read). A vendor without one answers UnsupportedOperation.",
  },
  simulators: {
    name: "simulators",
    summary: "serve every vendor simulator (and a sample product page) on 127.0.0.1 until Ctrl-C",
    usage: "vidbridge simulators [--speed 60]",
  },
} as const satisfies Record<string, About>

/** A command's name. */
export type CommandName = keyof typeof about
