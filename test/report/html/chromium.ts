/**
 * Debian's Chromium for the HTML report's browser test: used where it is, installed once per
 * test run where it is not and we may (root, apt-get on the machine), and otherwise a reason to
 * skip, said plainly. Playwright's own browser download is not used: the machines reach Debian's
 * packages, not a browser build of Playwright's.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, offline, throwaway headless browser (the user-data-dir is added per launch). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Long enough for apt to fetch Chromium and its libraries on a slow mirror, short of CI's patience. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

export type ChromiumStatus = { path: string } | { skip: string };

let status: ChromiumStatus | undefined;

/** Chromium's path, or why the browser test cannot run; the install is tried at most once per process. */
export function ensureChromium(): ChromiumStatus {
  status ??= find();
  return status;
}

function find(): ChromiumStatus {
  if (fs.existsSync(CHROMIUM)) return { path: CHROMIUM };
  if (process.getuid?.() !== 0) return { skip: `${CHROMIUM} is missing and installing it needs root: run apt-get install chromium` };
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return { skip: `${CHROMIUM} is missing and this machine has no apt-get to install Debian's chromium package with` };
  // The package lists may be absent on a fresh machine: read them once, then try again.
  const first = aptGet(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  const failure = first && (aptGet(['update', '-qq']) ?? aptGet(['install', '-y', '-qq', '--no-install-recommends', 'chromium']));
  if (fs.existsSync(CHROMIUM)) return { path: CHROMIUM };
  return { skip: `${CHROMIUM} is missing and installing Debian's chromium package did not provide it (${failure ?? first ?? `apt-get succeeded, yet there is no ${CHROMIUM}`})` };
}

/** Runs apt-get quietly; undefined when it succeeded, else the end of what it said. */
function aptGet(args: string[]): string | undefined {
  const r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=120', ...args], {
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status === 0) return undefined;
  const said = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').slice(-3).join(' / ');
  return r.error ? String(r.error.message) : `exit ${r.status ?? r.signal}: ${said}`;
}
