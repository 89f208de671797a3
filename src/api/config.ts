/** The config file as the library and CLI use it: found, read against every rule the tool knows, merged into run options. */
import * as path from 'node:path';
import { findConfigFile, readConfig, CONFIG_RULE_ID, type Config, type KnownRule, type LoadedConfig } from '../config/index.js';
import { rules } from '../rules/index.js';
import { ruleCatalog } from './catalog.js';
import type { ValidateOptions } from './validate.js';

/** Every id a config may name, with the options schema of the rules that take options. */
export function knownRules(): KnownRule[] {
  const withOptions = new Map(rules.filter((r) => r.meta.options).map((r) => [r.meta.id, r.meta.options!.schema]));
  return ruleCatalog().map((m) => ({ id: m.id, ...(withOptions.has(m.id) && { optionsSchema: withOptions.get(m.id)! }) }));
}

export interface ConfigLookup {
  /** --config PATH: this file, which must exist. */
  file?: string;
  /** --no-config: none at all. */
  none?: boolean;
}

/** The config for a run from `cwd`: the given file, else the nearest one up the tree, else none (undefined config, no diagnostics). */
export function loadConfig(cwd: string, lookup: ConfigLookup = {}): LoadedConfig {
  if (lookup.none) return { diagnostics: [] };
  const file = lookup.file !== undefined ? path.resolve(cwd, lookup.file) : findConfigFile(cwd);
  if (!file) return { diagnostics: [] };
  return readConfig(file, cwd, knownRules());
}

/** The run options a config sets (flags the caller gives explicitly go on top). */
export function configOptions(config: Config): ValidateOptions {
  return {
    config,
    ...(config.kubernetesVersion && { kubernetesVersion: config.kubernetesVersion }),
    ...(config.crds.length > 0 && { crdPaths: config.crds }),
    ...(config.nodes.length > 0 && { nodePaths: config.nodes }),
    ...(config.strictRefs !== undefined && { strictRefs: config.strictRefs }),
    ...(config.ignoreMissingSchemas !== undefined && { ignoreMissingSchemas: config.ignoreMissingSchemas }),
    ...(config.skipKinds.length > 0 && { skipKinds: config.skipKinds }),
    ...(config.strategy && { strategy: config.strategy }),
    ...(config.envsubst && { envsubst: { files: config.envsubst.files, ...(config.envsubst.strict !== undefined && { strict: config.envsubst.strict }) } }),
  };
}

export { CONFIG_RULE_ID };
