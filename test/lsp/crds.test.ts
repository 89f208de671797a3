/**
 * CRDs outside the workspace (`kubeproof lsp --crds PATH`, the client's `crdPaths`): used to
 * validate custom resources, plain or rendered by an overlay, and for hover, as `check --crds`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitNotification, HoverRequest, ShutdownRequest, type MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, tempTree } from '../helpers.js';
import { startClient, type Client } from './client.js';
import { CRD, positionAfter } from './workspace-fixture.js';

const BACKUP = 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 3 * * *"\n  retention: monthly\n';
const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.cjs');

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code).sort();

describe('CRDs outside the workspace', () => {
  const outside = tempTree({ 'crds/backup.yaml': CRD });
  const workspace = tempTree({ 'plain/backup.yaml': BACKUP, 'overlay/kustomization.yaml': 'resources: [backup.yaml]\n', 'overlay/backup.yaml': BACKUP });
  const clients: Client[] = [];
  afterAll(async () => {
    for (const client of clients) {
      await client.connection.sendRequest(ShutdownRequest.type);
      await client.connection.sendNotification(ExitNotification.type);
      client.connection.dispose();
    }
    for (const dir of [outside, workspace]) fs.rmSync(dir, { recursive: true, force: true });
  });
  const start = async (options: Record<string, unknown>, args: string[]) => {
    const { client } = await startClient(workspace, {}, options, undefined, [CLI, 'lsp', '--stdio', ...args]);
    clients.push(client);
    return client;
  };
  const open = (client: Client, rel: string) => client.open(pathToFileURL(path.join(workspace, rel)).href, BACKUP);

  it('without them, a custom resource has no schema to be checked against', async () => {
    const client = await start({}, []);
    const published = await open(client, 'plain/backup.yaml');
    expect(codes(published).length).toBeGreaterThan(0); // said: no schema for example.com/v1 Backup
    expect(published.diagnostics.map((d) => d.message).join('\n')).not.toMatch(/monthly|daily|weekly/);
  });

  it('with --crds, its enum is checked, in a plain file and through an overlay, and hover describes its fields', async () => {
    const client = await start({}, ['--crds', path.join(outside, 'crds')]);
    for (const rel of ['plain/backup.yaml', 'overlay/backup.yaml']) {
      const published = await open(client, rel);
      expect(published.diagnostics.map((d) => d.message).join('\n'), rel).toMatch(/monthly|daily|weekly/);
      expect(published.diagnostics.every((d) => d.range.start.line === 6), rel).toBe(true); // at `retention`, never in the CRD's own file
    }
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: pathToFileURL(path.join(workspace, 'plain/backup.yaml')).href }, position: positionAfter(BACKUP, '  sched') });
    expect((hover?.contents as MarkupContent).value).toContain('A cron expression saying when the backup runs.');
  });

  it('sees a CRD file added to a --crds directory while the server runs', async () => {
    const later = tempTree({ 'crds/README.md': 'CRDs go here\n' });
    const client = await start({}, ['--crds', path.join(later, 'crds')]);
    const uri = pathToFileURL(path.join(workspace, 'plain/backup.yaml')).href;
    expect((await client.open(uri, BACKUP)).diagnostics.map((d) => d.message).join('\n')).not.toMatch(/monthly|daily|weekly/);
    fs.writeFileSync(path.join(later, 'crds', 'backup.yaml'), CRD);
    const edited = await client.edit(uri, BACKUP.replace('nightly', 'nightly2'));
    expect(edited.diagnostics.map((d) => d.message).join('\n')).toMatch(/monthly|daily|weekly/);
    fs.rmSync(later, { recursive: true, force: true });
  });

  it('with initializationOptions crdPaths, relative to the workspace folder', async () => {
    const client = await start({ crdPaths: [path.relative(workspace, path.join(outside, 'crds/backup.yaml'))] }, []);
    expect((await open(client, 'plain/backup.yaml')).diagnostics.map((d) => d.message).join('\n')).toMatch(/monthly|daily|weekly/);
  });
});
