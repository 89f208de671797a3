/**
 * `kubeproof schedule` for people: each node with cpu, memory and pod-count bars and the pods
 * placed on it, then the pods that fit nowhere with kube-scheduler's reason (and, under a
 * workload's first such pod, the field to fix with the numbers), then a summary.
 */
import { escapeTerminal, redactDeep } from '../../core/index.js';
import type { ScheduleReport } from '../../schedule/index.js';

const WIDTH = 10;

function parse(name: string, v: string | undefined): number {
  if (v === undefined) return 0;
  const m = /^([0-9]+)(m|Ki|Mi|Gi|Ti)?$/.exec(v);
  if (!m) return Number(v) || 0;
  const n = Number(m[1]);
  const unit = m[2];
  if (name === 'cpu') return unit === 'm' ? n : n * 1000;
  const scale: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  return n * (unit ? (scale[unit] ?? 1) : 1);
}

function bar(used: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, used / total) : used > 0 ? 1 : 0;
  const filled = Math.round(ratio * WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${String(Math.round(ratio * 100)).padStart(3)}%`;
}

/** The placement as a table; names and messages from manifests escaped (core/terminal.ts). */
export function scheduleText(given: ScheduleReport): string {
  const report = redactDeep(given); // a Secret value copied into a name or an amount is shown masked (core/redact.ts)
  return escapeTerminal(placementText(report), { keepNewlines: true });
}

function placementText(report: ScheduleReport): string {
  const lines: string[] = [];
  const nameWidth = Math.max(4, ...report.nodes.map((n) => n.name.length));
  lines.push(`${'NODE'.padEnd(nameWidth)}  ${'CPU'.padEnd(WIDTH + 5)}  ${'MEMORY'.padEnd(WIDTH + 5)}  PODS`);
  for (const n of report.nodes) {
    const cpu = bar(parse('cpu', n.requested.cpu), parse('cpu', n.allocatable.cpu));
    const memory = bar(parse('memory', n.requested.memory), parse('memory', n.allocatable.memory));
    const pods = bar(n.pods.length, Number(n.allocatable.pods ?? 0));
    lines.push(`${n.name.padEnd(nameWidth)}  ${cpu}  ${memory}  ${pods} ${n.pods.length}/${n.allocatable.pods ?? 0}`);
    if (n.pods.length) lines.push(`${' '.repeat(nameWidth)}  ${n.pods.join(', ')}`);
  }
  const pending = report.pods.filter((p) => p.node === null);
  if (pending.length) {
    lines.push('', 'Pending:');
    for (const p of pending) {
      lines.push(`  ${p.namespace}/${p.name} (${p.owner.kind} ${p.owner.name}): ${p.message}`);
      // The field that decided it, where it was written, with the numbers (the workload's first pending pod).
      // "fix at", not "at": a line starting with "at" reads as a stack frame (and the fuzzer says so).
      if (p.fix) lines.push(`    fix at ${p.fix.file}:${p.fix.line}:${p.fix.column}: ${p.fix.detail}`);
    }
  }
  if (report.preemptions.length) {
    lines.push('', 'Preemption (kube-scheduler evicts lower-priority pods to make room):');
    const fate = new Map(report.pods.filter((p) => p.evictedBy).map((p) => [`${p.namespace}/${p.name}`, p]));
    for (const pre of report.preemptions) {
      const pdb = pre.pdbViolations ? ` (${pre.pdbViolations} against a PodDisruptionBudget)` : '';
      lines.push(`  ${pre.pod} (priority ${pre.priority}) takes ${pre.node}, evicting${pdb}:`);
      for (const v of pre.victims) {
        const now = fate.get(v.pod);
        const where = !now ? '' : now.node !== null ? ` → replacement on ${now.node}` : !now.evictedBy!.remade ? ' → not made again' : ' → replacement pending';
        lines.push(`    ${v.pod} (${v.owner.kind} ${v.owner.name}, priority ${v.priority})${where}`);
      }
    }
  }
  if (report.refused.length) {
    lines.push('', 'Refused by the API server (no pods made):');
    for (const w of report.refused) lines.push(`  ${w.namespace}/${w.name} (${w.kind}): ${w.message}`);
  }
  if (report.notCreated.length) {
    lines.push('', 'Not created (a StatefulSet with OrderedReady waits for its pending pod):');
    for (const p of report.notCreated) lines.push(`  ${p.namespace}/${p.name} (${p.owner.kind} ${p.owner.name})`);
  }
  for (const [what, check] of [['node loss', report.nodeLoss], ['zone loss', report.zoneLoss]] as const) {
    if (check === undefined) continue;
    lines.push('', check === null ? `✔ ${what}: every pod still fits` : `✖ ${what}: losing ${check.lost.join(', ')} leaves ${check.pending} pod(s) pending; ${check.example?.pod}: ${check.example?.message}`);
  }
  if (report.headroom?.length) {
    lines.push('', 'Headroom (more replicas that would fit, each workload alone):');
    for (const h of report.headroom) lines.push(`  ${h.namespace}/${h.name} (${h.kind}, ${h.replicas} now): +${h.more}${h.limitedBy ? ` — then ${h.limitedBy}` : ''}`);
  }
  if (report.nodesToAdd && report.noPool && (report.nodesToAdd.length || report.noPool.length)) {
    lines.push('', 'Nodes to add (binpacked as cluster-autoscaler does, least-waste pool first):');
    for (const n of report.nodesToAdd) lines.push(`  +${n.count} ${n.pool}: ${n.pods.join(', ')}`);
    for (const p of report.noPool) lines.push(`  no pool for ${p.pod}: ${p.reason}`);
  }
  const s = report.summary;
  lines.push('');
  const nodes = `${report.nodes.length} node${report.nodes.length === 1 ? '' : 's'}`;
  const refused = s.refused ? `, ${s.refused} workload${s.refused === 1 ? '' : 's'} refused by the API server` : '';
  if (s.pending === 0 && s.notCreated === 0 && s.refused === 0) lines.push(`✔ all ${s.pods} pods scheduled on ${nodes}`);
  else lines.push(`✖ ${s.pending} of ${s.pods} pods pending${s.notCreated ? `, ${s.notCreated} not created` : ''}${refused}; ${s.scheduled} scheduled on ${nodes}`);
  return lines.join('\n') + '\n';
}

/** The documented JSON contract. */
export function scheduleJson(report: ScheduleReport): string {
  return JSON.stringify(redactDeep(report), null, 2) + '\n';
}
