/** The library as a package user imports it (the built entry, as `import ... from 'kubeproof'` resolves), used as the README shows. */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempTree } from '../helpers.js';

const entry = path.join(REPO_ROOT, 'dist', 'index.js');

describe("the library's README example", () => {
  it('checks overlays with the config, returning rendered resources and positioned diagnostics', async () => {
    const { check, formatReport, exitCodeFor, loadConfig, configOptions } = await import(entry);
    const dir = tempTree({ 'kubeproof.yaml': 'rules: {latest-tag: error}\n' });
    const { config } = loadConfig(dir);
    expect(config.rules['latest-tag']).toEqual({ severity: 'error' });
    const result = check(['overlays-example/overlays/production'], { ...configOptions(config), cwd: REPO_ROOT, nodePaths: ['overlays-example/nodes.yaml'] });
    expect(result.resources.map((r: { id: { kind: string } }) => r.id.kind)).toContain('Deployment');
    expect(result.resources.every((r: { source: { locate(p: string): { value: { line: number } } } }) => r.source.locate('/metadata/name').value.line >= 1)).toBe(true);
    expect(result.schedule.summary.pending).toBe(0);
    expect(JSON.parse(formatReport('sarif', result)).version).toBe('2.1.0');
    expect([0, 1]).toContain(exitCodeFor(result, { maxWarnings: 0 }));
  });
});
