#!/usr/bin/env node
/**
 * Builds the VS Code extension (editors/vscode) into a .vsix with @vscode/vsce. The extension
 * has its own package.json and lockfile, so the root package gains no editor dependencies: they
 * are installed here (npm ci) when missing or older than the lockfile.
 *
 *   node scripts/build-vsix.mjs [--out FILE]     (npm run vsix)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = path.join(import.meta.dirname, '..', 'editors', 'vscode');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const outAt = process.argv.indexOf('--out');
const out = path.resolve(outAt === -1 ? path.join(dir, `${manifest.name}-${manifest.version}.vsix`) : process.argv[outAt + 1]);

const installed = path.join(dir, 'node_modules', '.package-lock.json');
const lock = path.join(dir, 'package-lock.json');
if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
}
// The repository's LICENSE goes into the package (vsce wants one beside the manifest); copied for
// the build only, so that there is one licence text to keep, at the top of the repository.
const license = path.join(dir, 'LICENSE');
fs.copyFileSync(path.join(dir, '..', '..', 'LICENSE'), license);
try {
  execFileSync(process.execPath, [path.join(dir, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--out', out], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
} finally {
  fs.rmSync(license, { force: true });
}
