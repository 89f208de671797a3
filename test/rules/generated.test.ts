import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleDocsMarkdown } from '../../src/api/rule-docs.js';
import { rules } from '../../src/rules/index.js';
import { REPO_ROOT } from '../helpers.js';
// @ts-expect-error: a plain JavaScript build script
import { ruleIndexSource } from '../../scripts/generate-rule-index.mjs';

describe('generated rule files', () => {
  it('src/rules/index.generated.ts lists every rule module (npm run rules:index)', () => {
    expect(fs.readFileSync(path.join(REPO_ROOT, 'src/rules/index.generated.ts'), 'utf8')).toBe(ruleIndexSource());
  });

  it('docs/rules.md is up to date (npm run rules:docs)', () => {
    expect(fs.readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8')).toBe(ruleDocsMarkdown());
  });

  it('every rule has a test file and docs with examples', () => {
    for (const r of rules) {
      expect(fs.existsSync(path.join(REPO_ROOT, 'test/rules', `${r.meta.id}.test.ts`)), r.meta.id).toBe(true);
      expect(r.meta.examples.bad.length).toBeGreaterThan(0);
      expect(r.meta.docs.length).toBeGreaterThan(40);
    }
  });
});
