/** kubeproof.yaml, as the rest of the tool sees it: paths absolute, every list present. */
import type { Severity } from '../core/index.js';
import type { PodSecuritySettings } from '../policy/index.js';
import type { Strategy } from '../schedule/index.js';
import type { KubernetesVersion } from '../schema/index.js';

export type ConfigSeverity = Severity | 'off';

export const CONFIG_SEVERITIES: readonly ConfigSeverity[] = ['off', 'info', 'warning', 'error'];

export interface RuleSetting {
  severity?: ConfigSeverity;
  options?: Record<string, unknown>;
}

/** A team's own rule (`rules.custom` in kubeproof.yaml); the policy stage runs it. */
export interface CustomRuleSetting {
  id: string;
  severity: Severity;
  kinds: string[];
  namespaces: string[];
  expression: string;
  message?: string;
}

/** Severities for the files some globs match; later overrides win. */
export interface Override {
  files: string[];
  rules: Record<string, ConfigSeverity>;
}

export interface Config {
  /** The file it was read from (absolute); undefined for the built-in defaults. */
  file?: string;
  /** What relative paths and globs are resolved against: the config file's directory. */
  dir: string;
  kubernetesVersion?: KubernetesVersion;
  /** Absolute paths. */
  crds: string[];
  /** Absolute paths. */
  nodes: string[];
  include: string[];
  exclude: string[];
  kustomizeRoots?: 'auto' | 'off';
  strictRefs?: boolean;
  maxWarnings?: number;
  ignoreMissingSchemas?: boolean;
  skipKinds: string[];
  strategy?: Strategy;
  /** `${VAR}` substitution (as --envsubst): dotenv files (absolute), and whether an unset variable is an error (default true). */
  envsubst?: { files: string[]; strict?: boolean };
  /** Pod Security Standards: the level for namespaces the inputs do not label, and the exemptions. */
  podSecurity?: PodSecuritySettings;
  rules: Record<string, RuleSetting>;
  /** `rules.custom`, in the order written. */
  customRules: CustomRuleSetting[];
  overrides: Override[];
}

/** What the config needs to know of a rule: its id, and the JSON schema of its options if it takes any. */
export interface KnownRule {
  id: string;
  optionsSchema?: Record<string, unknown>;
}

export function emptyConfig(dir: string): Config {
  return { dir, crds: [], nodes: [], include: [], exclude: [], skipKinds: [], rules: {}, customRules: [], overrides: [] };
}
