/** Breaking the example application in the ways the rules exist for: each gives its finding, at the base or patch line to edit. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { REPO_ROOT, tempTree } from '../helpers.js';

function broken(edits: [file: string, from: string | RegExp, to: string][]): string {
  const dir = tempTree();
  fs.cpSync(path.join(REPO_ROOT, 'overlays-example'), dir, { recursive: true });
  for (const [file, from, to] of edits) {
    const p = path.join(dir, file);
    const text = fs.readFileSync(p, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`edit did not apply to ${file}`);
    fs.writeFileSync(p, next);
  }
  return dir;
}

function findings(dir: string): string[] {
  return check(['overlays/production'], { cwd: dir })
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => `${d.ruleId} ${d.file}:${d.line}`);
}

describe('the example, broken on purpose', () => {
  it('is clean as shipped', () => {
    expect(findings(path.join(REPO_ROOT, 'overlays-example'))).toEqual([]);
  });

  it('reports each breakage at the file and line to edit', () => {
    const dir = broken([
      ['base/web.yaml', 'app.kubernetes.io/name: web\n  ports:', 'app.kubernetes.io/name: wbe\n  ports:'],
      ['base/api.yaml', 'name: api-credentials', 'name: api-credentals'],
      ['base/worker.yaml', 'memory: 256Mi', 'memory: 256m'],
      ['base/redis.yaml', 'image: redis:7.4', 'image: redis'],
      ['base/network-policy.yaml', 'app.kubernetes.io/name: redis', 'app.kubernetes.io/name: redis-master'],
    ]);
    expect(findings(dir)).toEqual([
      'missing-secret overlays/production/../../base/api.yaml:26',
      'dangling-networkpolicy overlays/production/../../base/network-policy.yaml:7',
      'latest-tag overlays/production/../../base/redis.yaml:18',
      'service-no-pods overlays/production/../../base/web.yaml:52',
      'suspicious-unit overlays/production/../../base/worker.yaml:35',
    ].map((s) => s.replace('overlays/production/../../', '')));
  });
});
