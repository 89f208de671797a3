// One in-process pass over a pipeline, each stage timed, calling the library from dist/ the way
// src/api/check.ts and src/api/schedule.ts compose it. bench/run.mjs starts this script in a
// fresh process per run (so each figure is a cold run, as the CLI sees it) and takes medians.
//
//   node bench/stages.mjs '{"pipeline":"lint","dist":"/abs/dist","paths":["/abs/corpus"]}'
//   pipelines: lint (load or render, schema, rules, suppress, report), schedule (load, inventory,
//   schedule, report). Prints one JSON line: {stages: {name: ms}, rules: {id: ms}, resources, rssMiB}.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const spec = JSON.parse(process.argv[2]);
const dist = spec.dist;
const stages = {};
const now = () => Number(process.hrtime.bigint()) / 1e6;
function time(name, fn) {
  const t0 = now();
  const value = fn();
  stages[name] = (stages[name] ?? 0) + (now() - t0);
  return value;
}
const imp = (rel) => import(pathToFileURL(path.join(dist, rel)).href);

const t0 = now();
const [core, load, render, schema, rules, applyConfig, format, inventory, sched] = await Promise.all([
  imp('core/index.js'),
  imp('load/index.js'),
  imp('render/index.js'),
  imp('schema/index.js'),
  imp('rules/index.js'),
  imp('api/apply-config.js'),
  imp('api/format.js'),
  imp('api/inventory.js'),
  imp('schedule/index.js'),
]);
stages.import = now() - t0;

const cwd = spec.cwd ?? process.cwd();
const out = { stages, rules: {}, resources: 0 };

if (spec.pipeline === 'lint') {
  const options = applyConfig.beforeRun({ cwd, ...(spec.jobs && { jobs: spec.jobs }) });
  const resources = [];
  const diagnostics = [];
  const files = [];
  for (const p of spec.paths) {
    if (render.isKustomizationDir(p)) {
      const r = time('render', () => render.render(p, { cwd }));
      resources.push(...r.resources);
      diagnostics.push(...r.diagnostics);
      files.push({ file: load.displayPath(render.findKustomizationFile(p) ?? p, cwd), resources: r.resources.map((x) => x.id) });
    } else {
      const r = time('load', () => load.loadPaths([p], options));
      resources.push(...r.resources);
      diagnostics.push(...r.diagnostics);
      files.push(...r.files);
    }
  }
  diagnostics.push(...time('schema', () => schema.validateSchemas(resources, { ...options, crds: [] })));
  // Each rule alone (runRules with a one-rule catalog runs it exactly as the full catalog would).
  for (const rule of rules.rules) {
    const t = now();
    diagnostics.push(...rules.runRules(resources, options, [rule]));
    out.rules[rule.meta.id] = now() - t;
  }
  stages.rules = Object.values(out.rules).reduce((a, b) => a + b, 0);
  const final = time('suppress', () => core.sortDiagnostics(applyConfig.afterRun(core.sortDiagnostics(diagnostics), options, { resources, files, lint: options })));
  time('report', () => format.formatReport('json', { diagnostics: final, files }));
  out.resources = resources.length;
  out.diagnostics = final.length;
} else if (spec.pipeline === 'schedule') {
  const loaded = time('load', () => load.loadPaths(spec.paths, { cwd }));
  const inv = time('inventory', () => inventory.loadInventory(spec.nodes, { cwd }));
  const result = time('schedule', () => sched.scheduleWorkloads(loaded.resources, inv.nodes, {}));
  time('report', () => JSON.stringify(result.report, null, 2));
  out.resources = loaded.resources.length;
  out.nodes = inv.nodes.length;
  out.summary = result.report.summary;
} else throw new Error(`unknown pipeline ${spec.pipeline}`);

stages.total = Object.entries(stages).reduce((a, [k, v]) => (k === 'total' ? a : a + v), 0);
out.rssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(out) + '\n');
