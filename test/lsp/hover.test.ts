/** textDocument/hover through a real client, against the built server (issue 20, item 3). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { serverFor } from './client.js';
import { makeWorkspace, positionAfter, uriOf } from './workspace-fixture.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      envFrom:
        - configMapRef:
            name: settings
        - secretRef:
            name: nowhere
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
`;

describe('kubeproof lsp hover', () => {
  const server = serverFor(makeWorkspace);

  /** The hover's Markdown at the place just after `needle` (moved by `delta`), the document opened from disk unless `text` is given. */
  const hover = async (rel: string, needle: string, delta = 0, text = fs.readFileSync(path.join(server.dir, rel), 'utf8')): Promise<string | undefined> => {
    const uri = uriOf(server.dir, rel);
    if (!server.client.isOpen(uri)) await server.client.open(uri, text);
    const h = await server.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAfter(text, needle, delta) });
    return (h?.contents as MarkupContent | undefined)?.value;
  };
  const link = (rel: string, line: number) => `${pathToFileURL(path.join(server.dir, rel)).href}#L${line}`;

  it("shows a field's type, whether it is required and its description from the OpenAPI spec", async () => {
    const name = await hover('apps/pod.yaml', '    - na', 0, POD);
    expect(name).toMatch(/^\*\*name\*\* `string` \(required\)\n\nName of the container specified as a DNS_LABEL\./);
    const envFrom = await hover('apps/pod.yaml', 'envFr', 0, POD);
    expect(envFrom).toMatch(/^\*\*envFrom\*\* `\[\]EnvFromSource`\n\nList of sources to populate environment variables in the container\./);
  });

  it("shows a CRD field's description and enum from the CRD", async () => {
    const text = 'apiVersion: example.com/v1\nkind: Backup\nmetadata: {name: nightly}\nspec:\n  schedule: "0 3 * * *"\n  retention: daily\n';
    expect(await hover('apps/backup.yaml', '  sched', 0, text)).toBe('**schedule** `string` (required)\n\nA cron expression saying when the backup runs.');
    expect(await hover('apps/backup.yaml', '  retent', 0, text)).toBe('**retention** `string`\n\nOne of: `daily`, `weekly`');
  });

  it("shows a kustomization key's Go type, description and deprecation, whatever its case", async () => {
    const rel = 'shop/overlays/dev/kustomization.yaml';
    const text = fs.readFileSync(path.join(server.dir, rel), 'utf8').replace('newTag:', 'NewTag:') + 'commonLabels:\n  team: a\n';
    expect(await hover(rel, 'NewT', 0, text)).toBe('**newTag** `string`\n\nTag to set; ignored when digest is set.');
    expect(await hover(rel, '  behav', 0, text)).toBe('**behavior** `string`\n\ncreate a new ConfigMap, or merge into or replace one a base made with the same name.\n\nOne of: `create`, `merge`, `replace`');
    expect(await hover(rel, 'commonLab', 0, text)).toContain('**commonLabels** `map[string]string`');
    expect(await hover(rel, 'commonLab', 0, text)).toContain('Deprecated: use `labels` instead.');
  });

  it('shows where a referenced object is defined, or that it is not', async () => {
    const configMap = await hover('apps/pod.yaml', 'name: sett', 0, POD);
    expect(configMap).toContain(`ConfigMap \`settings\`: defined in [others.yaml:1](${link('apps/others.yaml', 1)})`);
    const claim = await hover('apps/pod.yaml', 'claimName: da', 0, POD);
    expect(claim).toContain(`PersistentVolumeClaim \`data\`: defined in [others.yaml:15](${link('apps/others.yaml', 15)})`);
    expect(await hover('apps/pod.yaml', 'name: nowh', 0, POD)).toContain('Secret `nowhere`: not defined in the workspace');
  });

  it('shows the generator that makes a referenced ConfigMap of a kustomization, and an overlay merging into it', async () => {
    const text = await hover('shop/base/api.yaml', 'name: shop-con');
    expect(text).toContain(`ConfigMap \`shop-config\`: made by [kustomization.yaml:17](${link('shop/base/kustomization.yaml', 17)})`);
    expect(text).toContain(`ConfigMap \`shop-config\`: made by [../overlays/dev/kustomization.yaml:14](${link('shop/overlays/dev/kustomization.yaml', 14)})`);
  });

  it("shows each overlay's rendered value in a base file, and the file that set it", async () => {
    const text = await hover('shop/base/api.yaml', '  replic');
    expect(text).toContain('Rendered by the overlays:');
    expect(text).toContain('- `../overlays/dev` (dev-api): `1`, set by this file');
    expect(text).toContain(`- \`../overlays/staging\` (api): \`2\`, set by [../overlays/staging/kustomization.yaml:13](${link('shop/overlays/staging/kustomization.yaml', 13)}) (kustomization)`);
    const image = await hover('shop/base/api.yaml', 'image: regis');
    expect(image).toContain('- `../overlays/staging` (api): `registry.example.com/shop/api:2.4.1`, set by this file');
    expect(image).toContain(`- \`../overlays/dev\` (dev-api): \`registry.example.com/shop/api:2.5.0-rc.1\`, set by [../overlays/dev/kustomization.yaml:11](${link('shop/overlays/dev/kustomization.yaml', 11)}) (kustomization)`);
  });

  it('answers null for a document it does not have, and InvalidParams for a malformed request', async () => {
    expect(await server.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(server.dir, 'apps/closed.yaml') }, position: { line: 0, character: 0 } })).toBeNull();
    await expect(server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.yaml' }, position: { line: 'one', character: 0 } })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('position.line must be an integer') });
    // Beyond the end of the document, or on no field: nothing, and no error.
    expect(await hover('apps/pod.yaml', 'claimName: data\n', 5, POD)).toBeUndefined();
  });

  it("never shows a Secret's values as an overlay renders them", async () => {
    expect(await hover('vault/secret.yaml', '  name: ')).toContain('`x-s`, set by'); // the overlay is seen
    const text = await hover('vault/secret.yaml', 'password: hun');
    expect(text ?? '').not.toContain('hunter2');
  });
});
