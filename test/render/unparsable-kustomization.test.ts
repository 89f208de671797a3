/**
 * A kustomization file that cannot be parsed is read and parsed once. The report used to parse
 * it a second time to look for the error's position (which only failed again): refusing a
 * 480 kB alias bomb with a BOM (fuzz input render:4108587474) cost 1.2 s of CPU, half of it that.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import { tempTree } from '../helpers.js';

function aliasChain(links: number): string {
  const lines = ['\uFEFFapiVersion: kustomize.config.k8s.io/v1beta1', 'c0: &c0 {a: 1}'];
  for (let i = 1; i < links; i++) lines.push(`c${i}: &c${i} {a: *c${i - 1}}`);
  return lines.join('\n') + '\nresources: [cm.yaml]\n';
}

function readsOfKustomization(text: string) {
  const dir = tempTree({ 'kustomization.yaml': text, 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n' });
  const file = fs.realpathSync(path.join(dir, 'kustomization.yaml'));
  let reads = 0;
  const r = render(dir, {
    cwd: dir,
    readFile: (f) => {
      if (f === file) reads++;
      return fs.readFileSync(f);
    },
  });
  return { reads, diagnostics: r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`) };
}

describe('a kustomization that cannot be parsed', () => {
  it.each([
    ['an alias bomb', aliasChain(2000), 'refused: its aliases expand to an unreasonable size'],
    ['a YAML syntax error', 'resources: [cm.yaml\n', 'invalid Kustomization'],
    ['not a mapping', '- cm.yaml\n', 'the file is not a mapping'],
  ])('%s is read once, and reported at the start of the file', (_name, text, message) => {
    const { reads, diagnostics } = readsOfKustomization(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^kustomization\.yaml:1:1 /);
    expect(diagnostics[0]).toContain(message);
    expect(reads).toBe(1);
  });

  it('an error found after parsing still points at its entry', () => {
    const { reads, diagnostics } = readsOfKustomization('# fields\nresources: [cm.yaml]\nbogus: 1\n');
    expect(diagnostics).toEqual(['kustomization.yaml:3:1 invalid Kustomization: json: unknown field "bogus"']);
    expect(reads).toBe(2);
  });
});
