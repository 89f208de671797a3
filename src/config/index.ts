/** kubeproof.yaml: finding it, reading it with positioned errors, and what it changes in a run. */
export { findConfigFile, CONFIG_FILE_NAMES } from './discover.js';
export { readConfig, parseConfig, type LoadedConfig } from './load.js';
export { applySeverities, pathFilter, ruleOptions, rulesOffEverywhere, rulesOnSomewhere } from './apply.js';
export { starterConfig } from './init.js';
export { configSchema, configProblemMetas, CONFIG_RULE_ID } from './validate.js';
export { closest, didYouMean, editDistance } from './did-you-mean.js';
export { emptyConfig, CONFIG_SEVERITIES, type Config, type ConfigSeverity, type CustomRuleSetting, type KnownRule, type Override, type RuleSetting } from './types.js';
