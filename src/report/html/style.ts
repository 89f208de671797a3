/** The report's only stylesheet, inline: the file must look right offline, attached to a CI run. */
export const STYLE = `
:root { color-scheme: light; --used: #2563eb; --over: #dc2626; --free: #e5e7eb; --muted: #6b7280; --line: #d1d5db; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111827; background: #fff; margin: 0 auto; padding: 16px 24px 40px; max-width: 1400px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
h4 { font-size: 15px; margin: 14px 0 6px; }
h5 { font-size: 14px; margin: 10px 0 4px; color: #374151; }
.count, .muted, .kind, footer { color: var(--muted); font-weight: normal; font-size: 12px; }
code { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th[scope=col] { font-size: 12px; color: #374151; background: #f9fafb; }
.summary { font-weight: 600; padding: 6px 10px; border-radius: 4px; display: inline-block; }
.summary.ok, p.ok { color: #065f46; background: #d1fae5; }
.summary.warn { color: #92400e; background: #fef3c7; }
.summary.bad, p.bad { color: #991b1b; background: #fee2e2; }
p.ok, p.bad { padding: 6px 10px; border-radius: 4px; }
.sev { font-size: 12px; font-weight: 600; padding: 1px 6px; border-radius: 3px; }
.sev.error { color: #fff; background: var(--over); }
.sev.warning { color: #111827; background: #fbbf24; }
.sev.info { color: #fff; background: #0891b2; }
.message, .fix, .note { white-space: pre-wrap; overflow-wrap: anywhere; }
.fix, .note { font-size: 12px; color: #374151; margin-top: 2px; }
td code { white-space: nowrap; }
.pos { font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: nowrap; color: var(--muted); }
table.nodes { table-layout: fixed; }
table.nodes th:first-child { width: 24%; overflow-wrap: anywhere; }
table.nodes th[scope=row] .muted, table.nodes details { display: block; }
.bar { display: flex; height: 12px; width: 100%; min-width: 100px; border-radius: 3px; overflow: hidden; background: var(--free); }
.bar .used { background: var(--used); }
.bar.over .used { background: var(--over); }
.bar .free { background: var(--free); }
.amount { font-size: 11px; color: var(--muted); white-space: nowrap; }
.none { color: var(--muted); }
details summary { cursor: pointer; font-size: 12px; font-weight: normal; color: var(--muted); }
details ul { margin: 2px 0; padding-left: 16px; font-size: 12px; font-weight: normal; }
.zone { margin-left: 0; }
.pool { margin-left: 12px; }
footer { margin-top: 32px; }
`;
