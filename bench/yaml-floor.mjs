// The throughput floor of `npm run bench`: the bare `yaml` parse of a corpus, in a process of its
// own, so that kubeproof's figures can be read as multiples of it on any machine, however loaded.
// It does what any YAML-reading checker must do and nothing more: read every manifest file under
// the given directories (sorted, as kubeproof finds them), parse each with yaml's
// parseAllDocuments (the same package kubeproof parses with) and turn every document into plain
// values with toJS. No positions, no checks, one thread.
//
//   node bench/yaml-floor.mjs DIR...        prints the documents parsed: {"docs": N}
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

// kubeproof's own copy of yaml (its package.json dependency), whatever the working directory.
const { parseAllDocuments } = createRequire(import.meta.url)('yaml');

function* manifests(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* manifests(p);
    else if (/\.ya?ml$/.test(e.name)) yield p;
  }
}

let docs = 0;
for (const dir of process.argv.slice(2)) {
  for (const file of manifests(dir)) {
    for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      doc.toJS();
      docs++;
    }
  }
}
process.stdout.write(`${JSON.stringify({ docs })}\n`);
