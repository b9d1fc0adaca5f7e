/** The report's whole stylesheet (inlined: the report loads nothing from the network). */
export const reportCss = `
:root { color-scheme: light dark; --bg: #f8fafc; --card: #ffffff; --text: #0f172a; --muted: #475569;
  --line: #e2e8f0; --link: #1d4ed8; --queued: #94a3b8; --running: #3b82f6; --awaiting: #f59e0b;
  --ok: #16a34a; --bad: #dc2626; --other: #a855f7; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0b1120; --card: #111827; --text: #e5e7eb; --muted: #9ca3af; --line: #1f2937;
    --link: #93c5fd; --queued: #64748b; --running: #60a5fa; --awaiting: #fbbf24; --ok: #4ade80;
    --bad: #f87171; --other: #c084fc; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; background: var(--bg); color: var(--text);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
a { color: var(--link); overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 0; }
header p, footer { color: var(--muted); margin: 0 0 16px; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 16px; align-items: start; }
.column, .timeline-box { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px; }
.column header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.mode { font-size: .8rem; color: var(--muted); border: 1px solid var(--line); border-radius: 99px; padding: 0 8px; }
.status { display: inline-block; margin: 8px 0; font-weight: 600; padding: 2px 10px; border-radius: 99px; color: #fff; }
.player { margin: 0 0 10px; }
.player video { display: block; width: 100%; height: 420px; object-fit: contain; background: #000; border-radius: 8px; }
.player figcaption, .note { font-size: .8rem; color: var(--muted); margin-top: 4px; }
.product { display: flex; gap: 10px; align-items: center; margin: 0 0 10px; }
.product img { width: 56px; height: 56px; object-fit: cover; border-radius: 6px; border: 1px solid var(--line); }
.product span { font-weight: 600; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.failure { margin: 10px 0 0; padding: 8px 10px; border-left: 4px solid var(--bad); background: color-mix(in srgb, var(--bad) 10%, transparent); overflow-wrap: anywhere; }
.timeline-box { margin-top: 16px; }
.timeline { width: 100%; height: auto; display: block; margin-top: 8px; }
.timeline .label { fill: var(--text); font-size: 13px; }
.timeline .axis { fill: var(--muted); font-size: 11px; }
.timeline .tick { stroke: var(--line); }
.timeline .band-label { fill: #fff; font-size: 11px; pointer-events: none; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 0; margin: 8px 0 0; font-size: .85rem; color: var(--muted); }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 5px; vertical-align: -1px; }
.s-queued { fill: var(--queued); background: var(--queued); }
.s-running { fill: var(--running); background: var(--running); }
.s-awaiting_selection { fill: var(--awaiting); background: var(--awaiting); }
.s-succeeded { fill: var(--ok); background: var(--ok); }
.s-failed, .s-rejected, .s-cancelled, .s-error { fill: var(--bad); background: var(--bad); }
.s-other, .s-unknown { fill: var(--other); background: var(--other); }
footer { margin-top: 16px; font-size: .85rem; }
`
