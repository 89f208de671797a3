/**
 * What the language server is told by its client (initializationOptions), and the one place
 * that turns it into the options a check of one file runs with. A project configuration file
 * (kubeproof.yaml) plugs into `loadOptions` without touching anything else of the server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configOptions, knownRules } from '../api/config.js';
import type { ValidateOptions } from '../api/validate.js';
import { findConfigFile, readConfig, rulesOnSomewhere, type Config } from '../config/index.js';
import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion, type KubernetesVersion } from '../schema/index.js';

export interface ServerSettings {
  kubernetesVersion: KubernetesVersion;
  /** Quiet time after the last keystroke before an unsaved buffer is checked. */
  debounceMs: number;
}

/** Long enough to skip the checks of a word being typed, short enough to feel immediate. */
export const DEFAULT_DEBOUNCE_MS = 200;

export interface ParsedSettings {
  settings: ServerSettings;
  /** Options the client sent that could not be used: logged, never fatal. */
  warnings: string[];
}

/** initializationOptions `{ kubernetesVersion?, debounceMs? }`; anything unusable falls back to the default, with a warning. */
export function parseSettings(raw: unknown): ParsedSettings {
  const settings: ServerSettings = { kubernetesVersion: DEFAULT_KUBERNETES_VERSION, debounceMs: DEFAULT_DEBOUNCE_MS };
  const warnings: string[] = [];
  if (raw === null || raw === undefined) return { settings, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, warnings: ['initializationOptions must be an object; using the defaults'] };
  const given = raw as Record<string, unknown>;
  if (given.kubernetesVersion !== undefined) {
    try {
      settings.kubernetesVersion = parseKubernetesVersion(String(given.kubernetesVersion));
    } catch (err) {
      warnings.push(`${(err as Error).message}; using ${settings.kubernetesVersion}`);
    }
  }
  if (given.debounceMs !== undefined) {
    const ms = given.debounceMs;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) settings.debounceMs = ms;
    else warnings.push(`debounceMs must be a number of milliseconds >= 0, got ${JSON.stringify(ms)}; using ${settings.debounceMs}`);
  }
  return { settings, warnings };
}

/**
 * The options to check `file` (an absolute path) with: the client's settings, under the
 * project's kubeproof.yaml (the nearest one above the file), as `kubeproof check` run from
 * there would use it. A config with problems is left out; its problems are reported on it.
 */
export function loadOptions(settings: ServerSettings, file: string): ValidateOptions {
  const base: ValidateOptions = { kubernetesVersion: settings.kubernetesVersion };
  const config = projectConfig(path.dirname(file));
  // Rules the config turns on run here as in `kubeproof check` (beforeRun), opt-in ones among them.
  return config ? { ...base, ...configOptions(config), enable: rulesOnSomewhere(config) } : base;
}

/** kubeproof.yaml per directory, re-read when the file's modification time changes. */
const configs = new Map<string, { stamp: string; config: Config | undefined }>();

function projectConfig(dir: string): Config | undefined {
  const file = findConfigFile(dir);
  if (!file) return undefined;
  let stamp: string;
  try {
    const st = fs.statSync(file);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    return undefined;
  }
  const cached = configs.get(file);
  if (cached?.stamp === stamp) return cached.config;
  let config: Config | undefined;
  try {
    config = readConfig(file, path.dirname(file), knownRules()).config;
  } catch {
    config = undefined;
  }
  configs.set(file, { stamp, config });
  return config;
}

/** A stable key of options, so that results computed under other options are never reused. */
export function optionsKey(options: ValidateOptions): string {
  return JSON.stringify(options, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
}
