/**
 * The VS Code extension (issue 20, item 6) builds into a .vsix with @vscode/vsce, and the package
 * holds a manifest that starts the client on YAML: what VS Code reads when it installs it.
 * The first run installs the extension's own dependencies (editors/vscode/package-lock.json).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempTree } from '../helpers.js';

/** The files of a zip archive, read from its central directory. */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1) throw new Error('not a zip archive');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

describe('the VS Code extension', () => {
  it('builds into a .vsix whose manifest starts the language client on YAML', { timeout: 180_000 }, () => {
    const out = path.join(tempTree(), 'kubeproof.vsix');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-vsix.mjs'), '--out', out], { stdio: 'pipe' });
    const files = unzip(fs.readFileSync(out));
    const manifest = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ name: 'kubeproof', publisher: 'kubeproof', main: './extension.js', engines: { vscode: expect.stringMatching(/^\^1\.\d+/) } });
    expect(manifest.activationEvents).toContain('onLanguage:yaml');
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(['kubeproof.crdPaths', 'kubeproof.debounceMs', 'kubeproof.kubernetesVersion', 'kubeproof.path']);
    const extension = files.get('extension/extension.js')!.toString('utf8');
    expect(extension).toContain("args: ['lsp', '--stdio']");
    // The client library travels inside the package: VS Code installs no dependencies.
    expect(files.has('extension/node_modules/vscode-languageclient/package.json')).toBe(true);
    expect(files.get('extension.vsixmanifest')!.toString('utf8')).toContain('Microsoft.VisualStudio.Code');
    // The repository's licence, as it is (no --skip-license), and the build leaves no copy behind.
    const license = [...files].find(([name]) => /^extension\/LICENSE(\.txt)?$/i.test(name));
    expect(license?.[1].toString('utf8')).toBe(fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'));
    expect(fs.existsSync(path.join(REPO_ROOT, 'editors', 'vscode', 'LICENSE'))).toBe(false);
  });
});
