/**
 * The placement in HTML: nodes grouped by zone, then pool, each a row of stacked bars (cpu,
 * memory, pods, then every other resource a node of the group offers or is asked for); then the
 * pods that fit nowhere with kube-scheduler's FitError as it is, preemptions, what the API server
 * refuses, node- and zone-loss, headroom and the nodes to add. The same report `schedule --format
 * json` prints, nothing recomputed but the bar widths.
 */
import type { ScheduleReport } from '../../schedule/index.js';
import { groupBy } from '../group.js';
import { barHtml, usage, type Usage } from './bars.js';
import { attributes, escapeHtml as h } from './escape.js';

type ReportNode = ScheduleReport['nodes'][number];

const FIRST = ['cpu', 'memory', 'pods'];
const NO_ZONE = '(no zone label)';
const NO_POOL = '(no pool)';

export function scheduleSection(report: ScheduleReport): string {
  return [
    '<section id="schedule" aria-labelledby="schedule-title">',
    '<h2 id="schedule-title">Placement</h2>',
    summary(report),
    nodesHtml(report.nodes),
    pendingHtml(report),
    preemptionsHtml(report),
    listSection('refused', 'Refused by the API server (no pods made)', report.refused.map((w) => `<li>${h(`${w.namespace}/${w.name}`)} <span class="kind">${h(w.kind)}</span>: <span class="message">${h(w.message)}</span></li>`)),
    listSection('not-created', 'Not created (a StatefulSet with OrderedReady waits for its pending pod)', report.notCreated.map((p) => `<li>${h(`${p.namespace}/${p.name}`)} <span class="kind">${h(`${p.owner.kind} ${p.owner.name}`)}</span></li>`)),
    lossHtml('node-loss', 'Node loss', report.nodeLoss),
    lossHtml('zone-loss', 'Zone loss', report.zoneLoss),
    headroomHtml(report),
    nodesToAddHtml(report),
    '</section>',
  ].filter(Boolean).join('\n');
}

function summary(report: ScheduleReport): string {
  const s = report.summary;
  const ok = s.pending === 0 && s.notCreated === 0 && s.refused === 0;
  const nodes = `${report.nodes.length} node${report.nodes.length === 1 ? '' : 's'}`;
  const text = ok
    ? `✔ all ${s.pods} pods scheduled on ${nodes}`
    : `✖ ${s.pending} of ${s.pods} pods pending${s.notCreated ? `, ${s.notCreated} not created` : ''}${s.refused ? `, ${s.refused} workload(s) refused by the API server` : ''}; ${s.scheduled} scheduled on ${nodes}`;
  return `<p${attributes({ class: ok ? 'summary ok' : 'summary bad', 'data-pods': s.pods, 'data-scheduled': s.scheduled, 'data-pending': s.pending })}>${h(text)}</p>`;
}

/** Named groups first, in name order; the unnamed one last. */
function groupsOf(nodes: readonly ReportNode[], key: (n: ReportNode) => string | undefined, none: string): [string, ReportNode[]][] {
  return [...groupBy(nodes, (n) => key(n) ?? none)].sort(([a], [b]) => (a === none ? 1 : b === none ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

function nodesHtml(nodes: readonly ReportNode[]): string {
  if (nodes.length === 0) return '<p>The inventory has no node.</p>';
  const out = ['<h3>Nodes: requested of allocatable</h3>'];
  for (const [zone, inZone] of groupsOf(nodes, (n) => n.zone, NO_ZONE)) {
    out.push(`<section${attributes({ class: 'zone', 'data-zone': zone })}>`, `<h4>Zone ${h(zone)} <span class="count">${inZone.length} node${inZone.length === 1 ? '' : 's'}</span></h4>`);
    for (const [pool, inPool] of groupsOf(inZone, (n) => n.pool, NO_POOL)) out.push(poolTable(pool, inPool));
    out.push('</section>');
  }
  return out.join('\n');
}

/** What a node's bars show: cpu, memory, pods, then every other resource in name order. */
function usages(n: ReportNode, columns: readonly string[]): (Usage | undefined)[] {
  return columns.map((r) => {
    if (r === 'pods') return usage('pods', String(n.pods.length), n.allocatable.pods);
    if (n.allocatable[r] === undefined && n.requested[r] === undefined && !FIRST.includes(r)) return undefined;
    return usage(r, n.requested[r], n.allocatable[r]);
  });
}

function poolTable(pool: string, nodes: readonly ReportNode[]): string {
  const others = new Set<string>();
  for (const n of nodes) for (const r of [...Object.keys(n.allocatable), ...Object.keys(n.requested)]) if (!FIRST.includes(r)) others.add(r);
  const columns = [...FIRST, ...[...others].sort()];
  const head = `<tr><th scope="col">node</th>${columns.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr>`;
  const rows = nodes.map((n) => {
    const cells = usages(n, columns).map((u) => (u ? `<td>${barHtml(u, n.name)}</td>` : '<td class="none">–</td>'));
    const pods = n.pods.length ? `<details><summary>${n.pods.length} pod${n.pods.length === 1 ? '' : 's'}</summary><ul>${n.pods.map((p) => `<li>${h(p)}</li>`).join('')}</ul></details>` : '<span class="muted">no pods</span>';
    return `<tr${attributes({ class: 'node', 'data-node': n.name, 'data-zone': n.zone, 'data-pool': n.pool })}><th scope="row">${h(n.name)}${pods}</th>${cells.join('')}</tr>`;
  });
  return [`<div${attributes({ class: 'pool', 'data-pool': pool })}>`, `<h5>Pool ${h(pool)} <span class="count">${nodes.length} node${nodes.length === 1 ? '' : 's'}</span></h5>`, '<table class="nodes">', head, ...rows, '</table>', '</div>'].join('\n');
}

function pendingHtml(report: ScheduleReport): string {
  const pending = report.pods.filter((p) => p.node === null);
  if (pending.length === 0) return '';
  const rows = pending.map((p) => {
    const id = `${p.namespace}/${p.name}`;
    // kube-scheduler's FitError as it is; the preemption sentence its event adds, after it.
    const extra = p.messageWithPreemption?.startsWith(p.message ?? '') ? p.messageWithPreemption.slice((p.message ?? '').length).trim() : '';
    const evicted = p.evictedBy ? `<div class="note">evicted from ${h(p.evictedBy.node)} by ${h(p.evictedBy.by)}${p.evictedBy.remade ? '; its replacement is pending' : '; not made again'}</div>` : '';
    const fix = p.fix ? `<div class="fix">fix at <code>${h(`${p.fix.file}:${p.fix.line}:${p.fix.column}`)}</code>: ${h(p.fix.detail)}</div>` : '';
    return `<tr${attributes({ class: 'pending', 'data-pod': id })}><th scope="row">${h(id)}</th><td>${h(`${p.owner.kind} ${p.owner.name}`)}</td><td><div class="message">${h(p.message ?? '')}</div>${extra ? `<div class="note">${h(extra)}</div>` : ''}${evicted}${fix}</td></tr>`;
  });
  return ['<h3 id="pending">Pending pods</h3>', '<table class="pending-pods">', '<tr><th scope="col">pod</th><th scope="col">from</th><th scope="col">why (kube-scheduler)</th></tr>', ...rows, '</table>'].join('\n');
}

function preemptionsHtml(report: ScheduleReport): string {
  const items = report.preemptions.map((pre) => {
    const pdb = pre.pdbViolations ? ` (${pre.pdbViolations} against a PodDisruptionBudget)` : '';
    const victims = pre.victims.map((v) => `<li>${h(`${v.pod} (${v.owner.kind} ${v.owner.name}, priority ${v.priority})`)}</li>`).join('');
    return `<li${attributes({ 'data-pod': pre.pod })}>${h(`${pre.pod} (priority ${pre.priority}) takes ${pre.node}, evicting${pdb}:`)}<ul>${victims}</ul></li>`;
  });
  return listSection('preemptions', 'Preemption (kube-scheduler evicts lower-priority pods to make room)', items);
}

function lossHtml(id: string, title: string, check: ScheduleReport['nodeLoss']): string {
  if (check === undefined) return '';
  const text = check === null ? `✔ ${title}: every pod still fits` : `✖ ${title}: losing ${check.lost.join(', ')} leaves ${check.pending} pod(s) pending${check.example ? `; ${check.example.pod}: ${check.example.message}` : ''}`;
  return `<h3>${h(title)}</h3><p${attributes({ id, class: check === null ? 'ok' : 'bad', 'data-pending': check?.pending ?? 0 })}>${h(text)}</p>`;
}

function headroomHtml(report: ScheduleReport): string {
  if (!report.headroom?.length) return '';
  const rows = report.headroom.map((r) => `<tr${attributes({ 'data-workload': `${r.namespace}/${r.name}` })}><th scope="row">${h(`${r.namespace}/${r.name}`)}</th><td>${h(r.kind)}</td><td>${r.replicas}</td><td>+${r.more}</td><td>${h(r.limitedBy ?? '')}</td></tr>`);
  return ['<h3 id="headroom">Headroom (more replicas that would fit, each workload alone)</h3>', '<table>', '<tr><th scope="col">workload</th><th scope="col">kind</th><th scope="col">replicas</th><th scope="col">more</th><th scope="col">then</th></tr>', ...rows, '</table>'].join('\n');
}

function nodesToAddHtml(report: ScheduleReport): string {
  const add = report.nodesToAdd ?? [];
  const none = report.noPool ?? [];
  if (add.length === 0 && none.length === 0) return '';
  const items = [
    ...add.map((n) => `<li${attributes({ class: 'add', 'data-pool': n.pool, 'data-count': n.count })}>${h(`+${n.count} ${n.pool}: ${n.pods.join(', ')}`)}</li>`),
    ...none.map((p) => `<li${attributes({ class: 'no-pool', 'data-pod': p.pod })}>${h(`no pool for ${p.pod}: ${p.reason}`)}</li>`),
  ];
  return listSection('nodes-to-add', 'Nodes to add (binpacked as cluster-autoscaler does, least-waste pool first)', items);
}

function listSection(id: string, title: string, items: readonly string[]): string {
  return items.length ? `<h3 id="${id}">${h(title)}</h3>\n<ul class="${id}">\n${items.join('\n')}\n</ul>` : '';
}
