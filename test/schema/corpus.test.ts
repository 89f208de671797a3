/**
 * The schema corpus: every file under corpus/ states, in `# expect:` comment lines at its top,
 * each finding it must produce (`ruleId@line:column message`, with `warning: ` before the message
 * of a warning), or `# expect: none`. Optional
 * header lines: `# kubernetes-version: 1.33`, `# options: ignore-missing-schemas`,
 * `# skip-kinds: A,B`. Findings not listed fail the test, so nothing extra slips in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { parseKubernetesVersion } from '../../src/schema/index.js';

const CORPUS = path.join(import.meta.dirname, 'corpus');

function cases(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(CORPUS).sort()) {
    for (const file of fs.readdirSync(path.join(CORPUS, dir)).sort()) if (file.endsWith('.yaml')) out.push(`${dir}/${file}`);
  }
  return out;
}

function header(text: string, key: string): string[] {
  const prefix = `# ${key}:`;
  return text
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length).trim());
}

describe('schema corpus', () => {
  const all = cases();

  it('has at least 60 invalid cases and a valid manifest for the common kinds', () => {
    const expectations = all.filter((c) => c.startsWith('invalid/')).flatMap((c) => header(fs.readFileSync(path.join(CORPUS, c), 'utf8'), 'expect'));
    expect(expectations.length).toBeGreaterThanOrEqual(60);
  });

  for (const name of all) {
    it(name, () => {
      const file = path.join(CORPUS, name);
      const text = fs.readFileSync(file, 'utf8');
      const expected = header(text, 'expect').filter((e) => e !== 'none');
      const version = header(text, 'kubernetes-version')[0];
      const options = header(text, 'options').join(',');
      const skipKinds = header(text, 'skip-kinds').flatMap((s) => s.split(','));
      const result = validate([name], {
        cwd: CORPUS,
        kubernetesVersion: version ? parseKubernetesVersion(version) : undefined,
        ignoreMissingSchemas: options.includes('ignore-missing-schemas'),
        skipKinds,
      });
      expect(result.errors).toEqual([]);
      const actual = result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.ruleId}@${d.line}:${d.column} ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`);
      expect(actual).toEqual(expected);
    });
  }
});
