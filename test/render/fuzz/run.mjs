// Differential fuzzing against real kustomize (needs `kubectl kustomize`; not part of npm test):
//   node test/render/fuzz/run.mjs [seeds]
// Each generator writes a kustomization tree for a seed; kubeproof's render must print the
// same bytes as kubectl kustomize. A failing seed belongs in cases.mjs as a regression case.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { render } = await import(path.join(here, '..', '..', '..', 'dist', 'render', 'index.js'));
const seeds = Number(process.argv[2] ?? 30);
let failures = 0;
for (const generator of ['strings.mjs', 'typed-values.mjs', 'container-patches.mjs']) {
  let compared = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeproof-fuzz-'));
    execFileSync(process.execPath, [path.join(here, generator), String(seed)], { cwd: dir });
    let expected;
    try {
      expected = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue; // kustomize refused the input: nothing to compare
    }
    compared++;
    if (render(dir).yaml !== expected) {
      failures++;
      console.log(`${generator} seed ${seed}: output differs (tree kept in ${dir})`);
    } else fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${generator}: ${compared} compared`);
}
process.exitCode = failures ? 1 : 0;
