/**
 * Per-rule tests in ESLint's RuleTester shape: each valid case must produce nothing; each
 * invalid case exactly the listed findings (`line:column message`), nothing more.
 */
import { describe, expect, it } from 'vitest';
import { diagnosticFor, type Diagnostic } from '../../src/core/index.js';
import { parseManifests } from '../../src/load/index.js';
import type { Rule, RuleOptions } from '../../src/rules/index.js';

export interface Cases {
  valid: { name: string; yaml: string; options?: RuleOptions; settings?: Record<string, unknown> }[];
  invalid: { name: string; yaml: string; options?: RuleOptions; settings?: Record<string, unknown>; findings: string[] }[];
}

/** `settings` are the rule's own options (kubeproof.yaml), over the defaults its meta declares. */
export function run(rule: Rule, yaml: string, options: RuleOptions = {}, settings: Record<string, unknown> = {}): Diagnostic[] {
  const { resources, diagnostics } = parseManifests(yaml, 'test.yaml');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const out: Diagnostic[] = [];
  rule.check({
    resources,
    options,
    settings: { ...rule.meta.options?.defaults, ...settings },
    report: (f) => out.push(diagnosticFor(f.resource, { ruleId: rule.meta.id, severity: f.severity ?? rule.meta.severity, message: f.message, pointer: f.pointer, at: f.at })),
  });
  return out;
}

export function ruleTester(rule: Rule, cases: Cases): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`accepts: ${c.name}`, () => expect(run(rule, c.yaml, c.options, c.settings)).toEqual([]));
    }
    for (const c of cases.invalid) {
      it(`reports: ${c.name}`, () => {
        const found = run(rule, c.yaml, c.options, c.settings).sort((a, b) => a.line - b.line || a.column - b.column).map((d) => `${d.line}:${d.column} ${d.severity === rule.meta.severity ? '' : `[${d.severity}] `}${d.message}`);
        expect(found).toEqual(c.findings);
      });
    }
  });
}
