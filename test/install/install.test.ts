/**
 * kubeproof installed as the README says, by real npm into a temporary global prefix, and run
 * from a folder outside the repository:
 * - the tarball route: `npm pack` here (with the repository's .npmrc, as pre-commit runs it:
 *   it reads the tarball name from stdout) and `npm install -g ./kubeproof-*.tgz`;
 * - the git route: `npm install -g git+file://<bare clone>#<HEAD>`, as `github:kubeproof/kubeproof`
 *   does. This one tests the committed HEAD, whatever the working tree holds, and builds from
 *   scratch in npm's clone (scripts/prepare.mjs says what npm gets wrong there).
 * npm uses its normal cache (--prefer-offline): with a warm cache no registry is needed. A cold
 * cache without a registry, or a machine without git, skips with the reason; anything else fails.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { REPO_ROOT } from '../helpers.js';

const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeproof-install-'));
// Two global installs are thousands of files: deleting them took more than vitest's 10 s hook limit on a loaded machine.
afterAll(() => fs.rmSync(work, { recursive: true, force: true }), 120_000);

/** The environment of a user's shell: npm's own variables from `npm test` left out, their cache and registry kept. */
const userEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || /^npm_config_(cache|registry|userconfig)$/i.test(key)),
);

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: userEnv, encoding: 'utf8', timeout: 280_000 });
}

/** Skips the test, saying why where every reporter shows it. */
function skip(ctx: TestContext, reason: string): never {
  console.warn(`skipped: ${reason}`);
  return ctx.skip(reason);
}

const NETWORK_ERROR = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|ENOTCACHED)\b/;

/** `npm install -g` of `spec` into a fresh prefix; skips the test when npm could neither reach the registry nor use its cache. */
function installGlobal(ctx: TestContext, spec: string, name: string): string {
  const prefix = path.join(work, name);
  fs.mkdirSync(prefix);
  // Retries bounded: without a registry npm's defaults (2 retries, 10-60 s apart, per request) take minutes to give up.
  const retries = ['--fetch-retries=1', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=5000'];
  const r = run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', ...retries, spec], work);
  if (r.status !== 0 && NETWORK_ERROR.test(r.stderr)) skip(ctx, `npm install ${spec}: no registry and a cold npm cache (${NETWORK_ERROR.exec(r.stderr)?.[0]})`);
  expect(r.status, `npm install -g ${spec}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return prefix;
}

/** What a user does with the installed package: the command, a check, the library, the language server. */
async function expectWorkingInstall(prefix: string): Promise<void> {
  const bin = path.join(prefix, process.platform === 'win32' ? 'kubeproof.cmd' : path.join('bin', 'kubeproof'));
  expect(run(bin, ['--version'], work)).toMatchObject({ status: 0, stdout: `${version}\n` });

  const project = fs.mkdtempSync(path.join(work, 'project-'));
  fs.writeFileSync(path.join(project, 'good.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n');
  fs.writeFileSync(path.join(project, 'bad.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  retries: 3\n');
  const good = run(bin, ['check', '--no-config', 'good.yaml'], project);
  expect(good.stdout + good.stderr).toMatch(/✔ no problems; checked 1 resource in 1 file/);
  expect(good.status).toBe(0);
  const bad = run(bin, ['check', '--no-config', '--format', 'json', 'bad.yaml'], project);
  expect(bad.status, bad.stderr).toBe(1);
  expect((JSON.parse(bad.stdout) as { diagnostics: unknown[] }).diagnostics).toEqual([
    expect.objectContaining({ ruleId: 'invalid-type', file: 'bad.yaml', line: 6, column: 12, message: expect.stringContaining('data.retries: Invalid value: 3: must be a string') }),
  ]);

  // `import { check } from 'kubeproof'` from a module beside the global node_modules.
  const lib = path.join(prefix, process.platform === 'win32' ? '' : 'lib');
  const probe = path.join(lib, 'probe.mjs');
  fs.writeFileSync(probe, `import { check } from 'kubeproof';\nconst r = check([${JSON.stringify(path.join(project, 'bad.yaml'))}], { cwd: ${JSON.stringify(project)} });\nconsole.log(r.diagnostics.map((d) => d.ruleId).join(','));\n`);
  expect(run(process.execPath, [probe], work)).toMatchObject({ status: 0, stdout: 'invalid-type\n' });

  // The licence package.json names travels with the package (npm adds LICENSE whatever "files" says).
  const installedAt = path.join(lib, 'node_modules', 'kubeproof');
  expect(fs.readFileSync(path.join(installedAt, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');

  // `kubeproof lsp`: the server answers initialize.
  expect(await lspInitialize(bin)).toMatchObject({ id: 1, result: { serverInfo: { name: 'kubeproof', version } } });

  // The package stays small (28 MB before the validators were stored compressed).
  expect(folderBytes(path.join(lib, 'node_modules', 'kubeproof'), 'node_modules')).toBeLessThan(12e6);
}

/** The language server's answer to `initialize`, over stdio; the server is stopped once it answered. */
function lspInitialize(bin: string): Promise<unknown> {
  const server = spawn(bin, ['lsp', '--stdio'], { cwd: work, env: userEnv, stdio: ['pipe', 'pipe', 'inherit'] });
  const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(init)}\r\n\r\n${init}`);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => finish(new Error(`no answer to initialize in 20 s: ${out}`)), 20_000);
    const finish = (result: unknown) => {
      clearTimeout(timer);
      server.kill();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    server.on('error', finish);
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const header = /Content-Length: (\d+)\r\n\r\n/.exec(out);
      const start = header ? header.index + header[0].length : 0;
      if (header && Buffer.byteLength(out.slice(start)) >= Number(header[1])) finish(JSON.parse(out.slice(start)));
    });
  });
}

function folderBytes(dir: string, skip: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === skip) continue;
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(p, skip) : fs.statSync(p).size;
  }
  return total;
}

describe('installing kubeproof with npm', () => {
  it('from the tarball of npm pack, whose stdout is the tarball name alone', async (ctx) => {
    const packed = run('npm', ['pack', '--pack-destination', work], REPO_ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    expect(packed.stdout).toBe(`kubeproof-${version}.tgz\n`);
    await expectWorkingInstall(installGlobal(ctx, path.join(work, `kubeproof-${version}.tgz`), 'from-tarball'));
  }, 300_000);

  it('from git, as github:kubeproof/kubeproof (the committed HEAD)', async (ctx) => {
    const git = run('git', ['rev-parse', 'HEAD'], REPO_ROOT);
    if (git.error || git.status !== 0) skip(ctx, `git is not available here (${git.error?.message ?? git.stderr.trim()})`);
    const repo = path.join(work, 'repo.git');
    expect(run('git', ['clone', '--quiet', '--bare', REPO_ROOT, repo], work).status).toBe(0);
    await expectWorkingInstall(installGlobal(ctx, `git+file://${repo.split(path.sep).join('/')}#${git.stdout.trim()}`, 'from-git'));
  }, 300_000);
});
