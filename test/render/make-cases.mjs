// Writes test/render/cases/<name>/ from cases.mjs and records what real kustomize does:
// expected.yaml (its output) or kustomize-error.txt (its error). Needs `kubectl kustomize`.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases } from './cases.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// gcloud's kubectl wrapper prints errors as timestamped klog lines; the plain binary prints `error: ...`.
const PLAIN = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const kubectl = process.env.KUBECTL ?? (fs.existsSync(PLAIN) ? PLAIN : 'kubectl');
const out = path.join(here, 'cases');
fs.rmSync(out, { recursive: true, force: true });
for (const [name, files] of Object.entries(cases)) {
  // Each case lives in <name>/root so that '../' paths stay inside the case.
  const caseDir = path.join(out, name);
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(caseDir, 'root', rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  try {
    const yaml = execFileSync(kubectl, ['kustomize', path.join(caseDir, 'root')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    fs.writeFileSync(path.join(caseDir, 'expected.yaml'), yaml);
  } catch (err) {
    const stderr = String(err.stderr ?? err.message).replace(/^E\d{4} [\d:.]+ +\d+ \S+\] /gm, '').replace(new RegExp(caseDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '<case>');
    fs.writeFileSync(path.join(caseDir, 'kustomize-error.txt'), stderr.trim() + '\n');
  }
}
console.log(`${Object.keys(cases).length} cases written to ${path.relative(process.cwd(), out)}`);

// The example overlays, as kustomize builds them.
const examples = path.join(here, 'overlays-example');
fs.rmSync(examples, { recursive: true, force: true });
fs.mkdirSync(examples, { recursive: true });
const overlays = path.join(here, '..', '..', 'overlays-example', 'overlays');
for (const overlay of fs.readdirSync(overlays).sort()) {
  const yaml = execFileSync(kubectl, ['kustomize', path.join(overlays, overlay)], { encoding: 'utf8' });
  fs.writeFileSync(path.join(examples, `${overlay}.yaml`), yaml);
}
console.log(`example overlays written to ${path.relative(process.cwd(), examples)}`);
