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
  /**
   * Edits closer together than this are a burst, checked once this long after its last edit;
   * an edit after a longer pause is checked at once (scheduler.ts).
   */
  debounceMs: number;
  /**
   * CRDs (files, directories, CRDs-catalog JSON Schemas) outside the workspace, absolute:
   * `kubeproof lsp --crds PATH` and the client's `crdPaths`, as `check --crds` (crd-paths.ts).
   */
  crdPaths: string[];
}

/**
 * Faster than typing one key at a time (about 150 ms between keys), slower than a paste, an undo
 * or an editor's generated edits arriving back to back; a burst waits no longer than this after
 * its last edit. It was 200 ms and applied to every edit, the whole of the median latency then.
 */
export const DEFAULT_DEBOUNCE_MS = 100;

export interface ParsedSettings {
  settings: ServerSettings;
  /** Options the client sent that could not be used: logged, never fatal. */
  warnings: string[];
}

/**
 * initializationOptions `{ kubernetesVersion?, debounceMs?, crdPaths? }`; anything unusable falls
 * back to the default, with a warning. `crdPaths` are added to the command line's (`given`,
 * absolute); a relative one is relative to the first workspace folder (`folder`), the editor's
 * working directory being no one's choice.
 */
export function parseSettings(raw: unknown, given: { crdPaths?: readonly string[]; folder?: string } = {}): ParsedSettings {
  const settings: ServerSettings = { kubernetesVersion: DEFAULT_KUBERNETES_VERSION, debounceMs: DEFAULT_DEBOUNCE_MS, crdPaths: [...(given.crdPaths ?? [])] };
  const warnings: string[] = [];
  if (raw === null || raw === undefined) return { settings, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, warnings: ['initializationOptions must be an object; using the defaults'] };
  const sent = raw as Record<string, unknown>;
  if (sent.kubernetesVersion !== undefined) {
    try {
      settings.kubernetesVersion = parseKubernetesVersion(String(sent.kubernetesVersion));
    } catch (err) {
      warnings.push(`${(err as Error).message}; using ${settings.kubernetesVersion}`);
    }
  }
  if (sent.debounceMs !== undefined) {
    const ms = sent.debounceMs;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) settings.debounceMs = ms;
    else warnings.push(`debounceMs must be a number of milliseconds >= 0, got ${JSON.stringify(ms)}; using ${settings.debounceMs}`);
  }
  if (sent.crdPaths !== undefined) {
    const list = sent.crdPaths;
    if (Array.isArray(list) && list.every((p): p is string => typeof p === 'string' && p !== '')) {
      settings.crdPaths.push(...list.map((p) => path.resolve(given.folder ?? process.cwd(), p)));
    } else warnings.push(`crdPaths must be a list of paths, got ${JSON.stringify(list)}; ignoring it`);
  }
  return { settings, warnings };
}

/**
 * The options to check `file` (an absolute path) with: the client's settings, under the
 * project's kubeproof.yaml (the nearest one above the file), as `kubeproof check` run from
 * there would use it. A config with problems is left out; its problems are reported on it.
 */
export function loadOptions(settings: ServerSettings, file: string): ValidateOptions {
  const base: ValidateOptions = { kubernetesVersion: settings.kubernetesVersion, ...(settings.crdPaths.length > 0 && { crdPaths: settings.crdPaths }) };
  const config = projectConfig(path.dirname(file));
  if (!config) return base;
  // The server's CRDs win over kubeproof.yaml's `crds`, as `check --crds` does (cli/program.ts withConfig).
  const fromConfig = configOptions(config);
  const crdPaths = settings.crdPaths.length > 0 ? settings.crdPaths : fromConfig.crdPaths;
  // Rules the config turns on run here as in `kubeproof check` (beforeRun), opt-in ones among them.
  return { ...base, ...fromConfig, ...(crdPaths && { crdPaths }), enable: rulesOnSomewhere(config) };
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
