/**
 * The shape of a cross-resource rule, after ESLint's rule modules: a rule declares what it is
 * (`meta`) and reports findings about a resource and a JSON pointer; the framework adds the
 * file, line, column and the configured severity. Rules never compute positions.
 */
import type { Resource, RuleMeta, Severity, SuggestionSpec } from '../core/index.js';
import type { KubernetesVersion } from '../openapi/index.js';

export interface RuleDocs extends RuleMeta {
  /** A manifest (fragment) the rule reports, and the same one fixed. */
  examples: { bad: string; good: string };
  /** The API server refuses what this rule finds: `kubeproof validate` runs it too. */
  rejectedByApiServer?: boolean;
  /**
   * The rule reads each resource alone and reports only about the resource it reads: it may run
   * on one resource at a time, as the resource is loaded, on the thread that parsed it
   * (api/document-stage.ts). Checking all resources at once gives the same findings.
   */
  perResource?: boolean;
  /** The rule's options (`rules: {<id>: {options: ...}}` in kubeproof.yaml): their JSON schema and defaults. */
  options?: { schema: Record<string, unknown>; defaults: Record<string, unknown> };
}

export interface RuleFinding {
  resource: Resource;
  pointer: string;
  message: string;
  /** Point at the key of a map entry rather than at its value. */
  at?: 'key' | 'value';
  /** Overrides the rule's severity for this finding (e.g. --strict-refs makes a warning an error). */
  severity?: Severity;
  /** The finding's one obvious edit, when there is one (core/suggestion.ts). */
  suggestion?: SuggestionSpec;
}

export interface RuleContext {
  resources: readonly Resource[];
  options: RuleOptions;
  /** This rule's own options: the config's, over the defaults its meta declares. */
  settings: Readonly<Record<string, unknown>>;
  report(finding: RuleFinding): void;
}

export interface RuleOptions {
  /** References to objects not among the inputs are errors rather than warnings. */
  strictRefs?: boolean;
  /** Which version's schemas say where quantities are. */
  kubernetesVersion?: KubernetesVersion;
}

export interface Rule {
  meta: RuleDocs;
  check(ctx: RuleContext): void;
}
