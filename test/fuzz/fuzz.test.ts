/**
 * The seeded fuzz run of `npm test`: a short, deterministic slice of the campaign `npm run fuzz`
 * runs for minutes (scripts/fuzz.mjs). Fixed seeds, so a failure here fails every time, and its
 * message names the command that replays it. Properties, for every input: no exception, no
 * `internal-error`, every diagnostic positioned (file, 1-based line and column inside the
 * file, a span that does not end before it starts, a JSON pointer), within the time budget;
 * through the command line also an exit code of 0, 1 or 2, no stack trace, parsable JSON.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { anyQuantityValue, quantityViolations, selectorish, selectorViolations, TARGET_NAMES, type TargetName } from './targets.js';
import { caseSeed, makeCase, reproCommand, runCase, warmUp } from './runner.js';

/** Inputs per target: the whole file stays well under 20 s on a 2-core machine. */
const INPUTS: Record<TargetName, number> = { loader: 150, render: 80, quantity: 400, selectors: 250, schedule: 80, cli: 60 };
const LABEL = 'npm-test';

describe('seeded fuzzing (npm run fuzz runs the long campaign)', () => {
  beforeAll(() => warmUp(), 60_000);

  for (const target of TARGET_NAMES) {
    it(`${target}: ${INPUTS[target]} mutated inputs hold every property`, async () => {
      const failures: string[] = [];
      for (let i = 0; i < INPUTS[target]; i++) {
        const c = makeCase(target, caseSeed(LABEL, target, i));
        const r = await runCase(c);
        if (r.violations.length) failures.push(`${target}:${c.seed} from ${c.origin} (${c.ops.join('; ').slice(0, 300)})\n    ${r.violations.join('\n    ')}\n    reproduce: ${reproCommand(target, c.seed)}`);
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }

  it('quantities: any value parses or fails with a Kubernetes message, and what prints parses back (fast-check)', () => {
    fc.assert(
      fc.property(anyQuantityValue, (v) => {
        expect(quantityViolations(v)).toEqual([]);
      }),
      { seed: 20260101, numRuns: 2000 },
    );
  });

  it('label selectors: any selector-ish value matches without throwing, as Kubernetes matches well-formed ones (fast-check)', () => {
    fc.assert(
      fc.property(selectorish, fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 4, noNullPrototype: true }), (selector, labels) => {
        expect(selectorViolations(selector, labels)).toEqual([]);
      }),
      { seed: 20260102, numRuns: 2000 },
    );
  });
});
