import * as fs from 'node:fs';
let seed = Number(process.argv[2] ?? 1);
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const names = ['a', 'b', 'c', 'd'];
const container = (withImage) => {
  const c = { name: pick(names) };
  if (withImage || rnd() < 0.5) c.image = pick(['img:1', 'img:2', 'busybox']);
  if (rnd() < 0.5) c.env = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ name: pick(['A', 'B', 'C']), value: pick(['1', 'x', 'y']) }));
  if (rnd() < 0.4) c.ports = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => ({ containerPort: pick([80, 443, 8080]), protocol: 'TCP', name: pick(['http', 'https', 'alt']) }));
  if (rnd() < 0.3) c.args = [pick(['--a', '--b'])];
  if (rnd() < 0.15) c.$patch = 'delete';
  return c;
};
const uniq = (list) => list.filter((c, i) => list.findIndex((x) => x.name === c.name) === i);
const base = uniq(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => { const c = container(true); delete c.$patch; return c; }))
  .map((c) => ({ ...c, env: c.env ? c.env.filter((e, i) => c.env.findIndex((x) => x.name === e.name) === i) : undefined, ports: c.ports ? c.ports.filter((p, i) => c.ports.findIndex((x) => x.containerPort === p.containerPort) === i) : undefined }));
const patch = uniq(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => container(false)))
  .map((c) => ({ ...c, env: c.env ? c.env.filter((e, i) => c.env.findIndex((x) => x.name === e.name) === i) : undefined, ports: c.ports ? c.ports.filter((p, i) => c.ports.findIndex((x) => x.containerPort === p.containerPort) === i) : undefined }));
const dep = (containers, extra = {}) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers, ...extra } } } });
const strip = (o) => JSON.parse(JSON.stringify(o));
fs.writeFileSync('r.yaml', JSON.stringify(strip(dep(base, { volumes: [{ name: 'v1', emptyDir: {} }] }))));
fs.writeFileSync('p.yaml', JSON.stringify(strip(dep(patch, rnd() < 0.5 ? { volumes: [{ name: pick(['v1', 'v2']), configMap: { name: 'c' } }] } : {}))));
fs.writeFileSync('kustomization.yaml', 'resources:\n- r.yaml\npatches:\n- path: p.yaml\n');
