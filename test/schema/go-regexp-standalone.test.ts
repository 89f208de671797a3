/**
 * Precompiled validators (scripts/compile-validators.mjs) reach the Go regexp engine through the
 * `code` of ajv's regExp option: a require relative to compiled/<version>/<kind>.cjs. No built-in
 * schema has a pattern today; this keeps the path working for the day one does.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { afterAll, expect, it } from 'vitest';
import { createAjv } from '../../src/schema/ajv.js';
import { requireCached } from '../../src/schema/require-cached.js';
import { REPO_ROOT } from '../helpers.js';

// A CommonJS module: its `default` export is the function (scripts/compile-validators.mjs), which
// the test runner's interop may already have unwrapped.
type Standalone = (ajv: ReturnType<typeof createAjv>, validate: unknown) => string;
const loaded = standaloneCodeModule as unknown as Standalone & { default?: Standalone };
const standaloneCode: Standalone = loaded.default ?? loaded;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeproof-re2-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('a precompiled validator matches its patterns as Go does', () => {
  const ajv = createAjv({ code: { source: true, esm: false } });
  const code = standaloneCode(ajv, ajv.compile({ type: 'string', pattern: '^(?i)(abort|warn)?$' }));
  expect(code).toContain('require("../../dist/schema/go-regexp.js").goRegExpEngine');
  // The package layout: <root>/compiled/<version>/<kind>.cjs beside <root>/dist.
  fs.symlinkSync(path.join(REPO_ROOT, 'dist'), path.join(tmp, 'dist'));
  const file = path.join(tmp, 'compiled', '1.35', 'Pattern.cjs');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
  const mod = requireCached(file) as { default: (v: unknown) => boolean };
  expect(mod.default('WARN')).toBe(true);
  expect(mod.default('fail')).toBe(false);
});
