// Compares two bench result files: `node bench/compare.mjs OLD.json [NEW.json]` (NEW defaults to
// bench/results/latest.json). bench/run.mjs --compare OLD.json calls this after its own run.
// A change smaller than the spread of either run's samples is marked `~` (within noise).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmtMiB, fmtMs, table } from './lib.mjs';
import { limitText } from './targets.mjs';

function spreadOf(samples) {
  if (!samples || samples.length < 2) return 0;
  return Math.max(...samples) - Math.min(...samples);
}

function delta(before, after, unitFmt, noise = 0) {
  if (before === undefined || after === undefined || before === null || after === null) return [unitFmt(before ?? undefined), unitFmt(after ?? undefined), '', ''];
  const d = after - before;
  const pct = before === 0 ? 0 : (100 * d) / before;
  const mark = Math.abs(d) <= noise ? '~' : d < 0 ? 'better' : 'worse';
  return [unitFmt(before), unitFmt(after), `${d >= 0 ? '+' : ''}${pct.toFixed(1)}%`, mark];
}

export function compareResults(before, after) {
  const out = [];
  out.push(`before: ${before.date ?? '?'} commit ${before.commit ?? '?'}${before.dirty ? ' (dirty)' : ''}, node ${before.node}, load ${before.machine?.loadavgStart?.map((x) => x.toFixed(2)).join(' ') ?? '?'}`);
  out.push(`after:  ${after.date ?? '?'} commit ${after.commit ?? '?'}${after.dirty ? ' (dirty)' : ''}, node ${after.node}, load ${after.machine?.loadavgStart?.map((x) => x.toFixed(2)).join(' ') ?? '?'}`);
  const rows = [];
  const ids = [...new Set([...(before.cases ?? []).map((c) => c.id), ...(after.cases ?? []).map((c) => c.id)])];
  for (const id of ids) {
    const b = before.cases?.find((c) => c.id === id);
    const a = after.cases?.find((c) => c.id === id);
    const noise = Math.max(spreadOf(b?.samplesMs), spreadOf(a?.samplesMs)) / 2;
    rows.push([a?.title ?? b?.title, 'wall median', ...delta(b?.medianMs, a?.medianMs, fmtMs, noise)]);
    if (b?.peakRssMiB !== undefined || a?.peakRssMiB !== undefined) rows.push(['', 'peak RSS', ...delta(b?.peakRssMiB, a?.peakRssMiB, fmtMiB, Math.max(2, 0.03 * (b?.peakRssMiB ?? 0)))]);
  }
  for (const s of after.stages ?? []) {
    const b = before.stages?.find((x) => x.id === s.id);
    for (const st of s.stages) {
      const bs = b?.stages.find((x) => x.name === st.name);
      const noise = Math.max(spreadOf(bs?.samplesMs), spreadOf(st.samplesMs)) / 2;
      rows.push([`${s.title} (in-process)`, st.name, ...delta(bs?.medianMs, st.medianMs, fmtMs, noise)]);
    }
  }
  out.push(table(['case', 'figure', 'before', 'after', 'change', ''], rows, ['l', 'l', 'r', 'r', 'r', 'l']));
  const trows = (after.targets ?? []).map((t) => {
    const b = before.targets?.find((x) => x.id === t.id);
    return [t.title, limitText(t), b ? `${b.measured ?? 'n/a'} ${b.status}` : '', `${t.measured ?? 'n/a'} ${t.status}`];
  });
  out.push('', table(['target', 'limit', 'before', 'after'], trows, ['l', 'r', 'r', 'r']));
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [oldFile, newFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json')] = process.argv.slice(2);
  if (!oldFile) {
    console.error('usage: node bench/compare.mjs OLD.json [NEW.json]');
    process.exit(2);
  }
  console.log(compareResults(JSON.parse(fs.readFileSync(oldFile, 'utf8')), JSON.parse(fs.readFileSync(newFile, 'utf8'))));
}
