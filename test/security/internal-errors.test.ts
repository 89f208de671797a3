/**
 * Secrets never printed, when kubeproof itself fails: an exception thrown while a Secret's
 * value is in scope may carry it in its message. A crashing rule or schema check becomes an
 * internal-error finding, and an exception that ends the run is printed by the CLI (its stack
 * too, with --debug); neither may show the value. These paths have no message of ours to fix at
 * the source: it is the second line of defence (core/redact.ts) that keeps them clean, so
 * these tests fail without it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check, KubeproofError, validate, type Resource } from '../../src/index.js';
import { rules } from '../../src/rules/index.js';
import { SchemaRegistry } from '../../src/schema/index.js';
import { runCli, tempTree } from '../helpers.js';
import { b64, canary, expectNoLeak, expectNoLeakIn, inEveryFormat, leakIn } from './canary.js';

const S = canary('internal/S');
const S2 = canary('internal/S2');
const SECRETS = [S, S2];

/** What a careless bug would put in its message: the values of the Secret it was reading. */
const valuesOf = (resources: readonly Resource[]) => {
  const secret = resources.find((r) => r.id.kind === 'Secret')!;
  const data = secret.object.data as Record<string, string>;
  const stringData = secret.object.stringData as Record<string, string>;
  return `cannot parse ${Buffer.from(data.token!, 'base64').toString()} (${data.token}), "${stringData.other}"`;
};

let failTotals: ((resources: readonly Resource[]) => never) | undefined;

vi.mock('../../src/rules/index.js', async (original) => {
  const actual = await original<typeof import('../../src/rules/index.js')>();
  return { ...actual, resourceTotals: (resources: readonly Resource[]) => (failTotals ? failTotals(resources) : actual.resourceTotals(resources)) };
});

const files = () =>
  tempTree({
    's.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n  token: ${b64(S)}\nstringData:\n  other: ${S2}\n`,
    'd.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: "nginx:1", resources: {requests: {cpu: "1"}}}]}\n',
  });

afterEach(() => {
  vi.restoreAllMocks();
  failTotals = undefined;
});

describe('an exception holding a Secret value', () => {
  it('from a crashing rule: the internal-error finding does not show it, in any format or API', async () => {
    const rule = rules.find((r) => r.meta.id === 'invalid-quantity')!; // runs in validate and check alike
    vi.spyOn(rule, 'check').mockImplementation((ctx) => {
      throw new Error(valuesOf(ctx.resources));
    });
    const dir = files();
    for (const command of ['validate', 'check']) {
      const outputs = await inEveryFormat([command, '.'], dir);
      expectNoLeakIn(outputs, SECRETS);
      expect(outputs.texts['text stdout']).toContain('internal error in rule invalid-quantity: cannot parse <redacted> (<redacted>), "<redacted>"');
    }
    for (const run of [validate, check]) expectNoLeak(JSON.stringify(run(['.'], { cwd: dir }).diagnostics), SECRETS, `${run.name}()`);
  });

  it('from a crashing schema check', async () => {
    let resources: Resource[] = [];
    const dir = files();
    const loaded = validate(['.'], { cwd: dir });
    resources = loaded.resources;
    vi.spyOn(SchemaRegistry.prototype, 'lookup').mockImplementation(() => {
      throw new TypeError(valuesOf(resources));
    });
    const outputs = await inEveryFormat(['validate', '.'], dir);
    expectNoLeakIn(outputs, SECRETS);
    expect(outputs.texts['text stdout']).toContain('internal error while validating Secret creds: cannot parse <redacted>');
    expectNoLeak(JSON.stringify(check(['.'], { cwd: dir }).diagnostics), SECRETS, 'check()');
  });

  it('that ends the run: the CLI prints neither it nor its stack trace with --debug', async () => {
    const dir = files();
    for (const make of [(m: string) => new TypeError(m), (m: string) => new KubeproofError('INPUT', m)]) {
      failTotals = (resources) => {
        throw make(valuesOf(resources));
      };
      for (const command of ['validate', 'check']) {
        for (const debug of [[], ['--debug']]) {
          const r = await runCli([command, '.', '--totals', ...debug], { cwd: dir });
          expect(r.code).toBe(2);
          expectNoLeak(r.stdout + r.stderr, SECRETS, `${command} ${debug.join(' ')}`);
          expect(r.stderr).toContain('cannot parse <redacted> (<redacted>), "<redacted>"');
          if (debug.length) expect(r.stderr).toMatch(/\n\s+at /); // the trace is there, scrubbed
        }
      }
    }
  });

  it('is shown as it is when it holds no Secret value: the control', async () => {
    const C = canary('internal/control');
    failTotals = () => {
      throw new TypeError(`cannot parse ${C}`);
    };
    const r = await runCli(['validate', '.', '--totals'], { cwd: files() });
    expect(leakIn(r.stderr, C)).toBeDefined();
  });
});
