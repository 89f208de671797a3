// The CPU that CEL rules (x-kubernetes-validations) cost on real CRDs: compiling every rule of
// Gateway API's CRDs once, then evaluating them over its examples (and conformance manifests),
// calling the built library in dist/. Needs ../shared/realworld/gateway-api; says so and exits
// 0 without it. A figure to watch, not a test.
//   npm run build && node bench/cel.mjs [--against /abs/other/dist]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.join(import.meta.dirname, '..');
const GATEWAY = path.join(ROOT, '..', 'shared', 'realworld', 'gateway-api');
if (!fs.existsSync(GATEWAY)) {
  console.log(`bench/cel.mjs: ${GATEWAY} is absent; nothing measured`);
  process.exit(0);
}
const dist = path.join(ROOT, 'dist');
const imp = (rel) => import(pathToFileURL(path.join(dist, rel)).href);
const { loadPaths } = await imp('load/index.js');
const { crdVersions } = await imp('schema/crd.js');
const { crdRuleFindings } = await imp('schema/cel-crd.js');
const { celRuleFindings } = await imp('schema/cel-rules.js');
const { applyDefaults } = await imp('schema/defaults.js');
const { loadBundle, DEFAULT_KUBERNETES_VERSION } = await imp('openapi/index.js');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const bundle = loadBundle(DEFAULT_KUBERNETES_VERSION);
const ROUNDS = 10;

for (const [crdSet, dirs] of [['standard', ['examples/standard']], ['experimental', ['examples', 'conformance']]]) {
  const crds = loadPaths([path.join(GATEWAY, 'config/crd', crdSet)], {}).resources.filter((r) => r.id.kind === 'CustomResourceDefinition');
  const docs = loadPaths(dirs.map((d) => path.join(GATEWAY, d)), {}).resources;
  let t = cpuMs();
  const schemas = new Map();
  for (const crd of crds) crdVersions(crd, bundle).forEach((v, i) => (crdRuleFindings(v, i), schemas.set(v.key, v.raw)));
  const compile = cpuMs() - t;
  const custom = docs.filter((r) => schemas.get(`${r.id.apiVersion}/${r.id.kind}`));
  const times = [];
  let findings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    t = cpuMs();
    for (const r of custom) {
      const raw = schemas.get(`${r.id.apiVersion}/${r.id.kind}`);
      findings += celRuleFindings(applyDefaults(r.object, raw), raw).length;
    }
    times.push(cpuMs() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${crdSet}: ${crds.length} CRDs, rules compiled in ${compile.toFixed(0)} ms CPU${crdSet === 'experimental' ? ' (the rules shared with the standard CRDs were compiled already)' : ''}; ${custom.length} custom resources: slowest pass (cold) ${times.at(-1).toFixed(1)} ms, median ${times[ROUNDS / 2].toFixed(1)} ms CPU (${findings / ROUNDS} findings)`,
  );
}
