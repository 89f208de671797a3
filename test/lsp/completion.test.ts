/** textDocument/completion through a real client, against the built server (issue 20, item 2). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompletionItemTag, CompletionRequest, type CompletionItem } from 'vscode-languageserver-protocol/node';
import { serverFor } from './client.js';
import { makeWorkspace, positionAfter, uriOf } from './workspace-fixture.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app
spec:
  serviceAccountName: 
  containers:
    - name: web
      image: nginx:1.27
      imagePullPolicy: 
      envFrom:
        - configMapRef:
            name: 
      
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: 
`;

describe('kubeproof lsp completion', () => {
  const server = serverFor(makeWorkspace);

  const complete = async (rel: string, text: string, needle: string, delta = 0, n = 0): Promise<CompletionItem[]> => {
    const uri = uriOf(server.dir, rel);
    if (!server.client.isOpen(uri)) await server.client.open(uri, text);
    else await server.client.edit(uri, text);
    const items = await server.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAfter(text, needle, delta, n) });
    return Array.isArray(items) ? items : (items?.items ?? []);
  };
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const byLabel = (items: CompletionItem[], label: string) => items.find((i) => i.label === label);

  it("offers a container's keys with their types and descriptions, required first, not those already there", async () => {
    const text = POD.replace('      \n  volumes', '      res\n  volumes');
    const items = await complete('apps/pod.yaml', text, '      res');
    expect(labels(items)).toContain('resources');
    expect(labels(items)).not.toContain('image'); // already set
    expect(byLabel(items, 'resources')).toMatchObject({ detail: 'ResourceRequirements', textEdit: { newText: 'resources:', range: { start: { line: 15, character: 6 }, end: { line: 15, character: 9 } } } });
    expect(byLabel(items, 'workingDir')).toMatchObject({ detail: 'string', textEdit: { newText: 'workingDir: ' } });
    expect((byLabel(items, 'resources')!.documentation as { value: string }).value).toMatch(/^Compute Resources required by this container/);
    // A new list item of `containers`: `name` is the one key a container must have.
    const fresh = await complete('apps/pod.yaml', POD.replace('      \n  volumes', '    - \n  volumes'), '    - ', 0, 2);
    expect(byLabel(fresh, 'name')).toMatchObject({ detail: 'string (required)', sortText: '0name' });
  });

  it("offers a field's enum values", async () => {
    const items = await complete('apps/pod.yaml', POD, 'imagePullPolicy: ');
    expect(labels(items).sort()).toEqual(['Always', 'IfNotPresent', 'Never']);
  });

  it('offers apiVersion and kind pairs, and the kinds an apiVersion serves', async () => {
    const fresh = await complete('apps/new.yaml', 'Dep\n', 'Dep');
    expect(byLabel(fresh, 'Deployment (apps/v1)')).toMatchObject({ textEdit: { newText: 'apiVersion: apps/v1\nkind: Deployment\n' } });
    expect(labels(fresh)).toContain('Backup (example.com/v1)'); // the workspace's CRD
    const kinds = await complete('apps/new.yaml', 'apiVersion: apps/v1\nkind: \n', 'kind: ');
    expect(labels(kinds).sort()).toEqual(['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
    const versions = await complete('apps/new.yaml', 'apiVersion: \nkind: HorizontalPodAutoscaler\n', 'apiVersion: ');
    expect(labels(versions)).toEqual(['autoscaling/v1', 'autoscaling/v2']);
  });

  it("offers the names of the workspace's ConfigMaps (generated ones too), ServiceAccounts and PVCs where a field references one", async () => {
    const configMaps = await complete('apps/pod.yaml', POD, 'configMapRef:\n            name: ');
    expect(labels(configMaps)).toEqual(['settings', 'shop-config']);
    expect(byLabel(configMaps, 'shop-config')).toMatchObject({ detail: 'ConfigMap made by ../shop/base/kustomization.yaml' });
    expect(labels(await complete('apps/pod.yaml', POD, 'claimName: '))).toEqual(['data']);
    const accounts = await complete('apps/pod.yaml', POD, 'serviceAccountName: ');
    expect(byLabel(accounts, 'shop')).toMatchObject({ detail: expect.stringMatching(/^ServiceAccount in \.\.\/shop\/base\/serviceaccount\.yaml$/) });
  });

  it('offers the names of objects a reference names by its kind beside: an autoscaler\'s target, a binding\'s subjects', async () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: \n';
    expect(labels(await complete('apps/hpa.yaml', hpa, '    name: '))).toEqual(expect.arrayContaining(['api', 'web', 'worker']));
    const binding = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n- kind: ServiceAccount\n  name: \n';
    expect(labels(await complete('apps/binding.yaml', binding, '  name: '))).toContain('shop');
    // A User is no object of the workspace: nothing to offer.
    expect(labels(await complete('apps/binding.yaml', binding.replace('kind: ServiceAccount', 'kind: User'), '  name: '))).not.toContain('shop');
  });

  it("offers the label keys the workspace's selectors match on", async () => {
    const items = await complete('apps/pod.yaml', POD, '    app');
    expect(byLabel(items, 'app.kubernetes.io/component')).toMatchObject({ detail: 'label a selector matches: Service/front', textEdit: { newText: 'app.kubernetes.io/component: ' } });
  });

  it("offers a custom resource's keys from its CRD, with the CRD's descriptions", async () => {
    const items = await complete('apps/backup.yaml', 'apiVersion: example.com/v1\nkind: Backup\nmetadata: {name: nightly}\nspec:\n  s\n', '  s');
    expect(byLabel(items, 'schedule')).toMatchObject({ detail: 'string (required)', documentation: { value: 'A cron expression saying when the backup runs.' } });
    expect(labels(await complete('apps/backup.yaml', 'apiVersion: example.com/v1\nkind: Backup\nspec:\n  retention: \n', 'retention: '))).toEqual(['daily', 'weekly']);
  });

  it("offers a kustomization file's fields, kustomize's deprecated ones marked", async () => {
    const text = fs.readFileSync(path.join(server.dir, 'shop/overlays/dev/kustomization.yaml'), 'utf8') + 'name\n';
    const items = await complete('shop/overlays/dev/kustomization.yaml', text, 'name', 0, text.split('name').length - 2);
    expect(labels(items)).toEqual(expect.arrayContaining(['nameSuffix', 'replicas', 'patches', 'commonLabels']));
    expect(labels(items)).not.toContain('resources'); // already there
    expect(labels(items)).not.toContain('namePrefix');
    expect(byLabel(items, 'commonLabels')).toMatchObject({ tags: [CompletionItemTag.Deprecated], detail: "'commonLabels' is deprecated. Please use 'labels' instead." });
  });

  it("offers a kustomization's nested keys, matched as kustomize matches them, with types and descriptions", async () => {
    const rel = 'shop/overlays/dev/kustomization.yaml';
    const base = fs.readFileSync(path.join(server.dir, rel), 'utf8');
    const target = `${base}patches:\n  - path: p.yaml\n    target:\n      ki\n`;
    const targetKeys = await complete(rel, target, '      ki');
    expect(labels(targetKeys)).toEqual(['group', 'version', 'kind', 'name', 'namespace', 'annotationSelector', 'labelSelector']);
    expect(byLabel(targetKeys, 'kind')).toMatchObject({ detail: 'string', textEdit: { newText: 'kind: ' } });
    // The image entry already has `NewTag`: newTag is not offered again; name was written too.
    const image = `${base.replace('    newTag: 2.5.0-rc.1\n', '    NewTag: 2.5.0-rc.1\n    di\n')}`;
    expect(labels(await complete(rel, image, '    di'))).toEqual(['newName', 'tagSuffix', 'digest']);
    const generator = await complete(rel, base.replace('behavior: merge', 'behavior: '), 'behavior: ');
    expect(labels(generator)).toEqual(['create', 'merge', 'replace']);
    const replicas = await complete(rel, `${base}replicas:\n  - name: api\n    co\n`, '    co');
    expect(byLabel(replicas, 'count')).toMatchObject({ detail: 'int64', documentation: { value: 'Replica count to set.' } });
    const env = await complete(rel, `${base}secretGenerator:\n  - name: s\n    en\n`, 'name: s\n    en');
    expect(byLabel(env, 'env')).toMatchObject({ detail: 'string (deprecated: use envs)', tags: [CompletionItemTag.Deprecated] });
  });

  it('offers the name a generator entry gives with its keys in any case, as kustomize reads them', async () => {
    const rel = 'shop/base/kustomization.yaml';
    const original = fs.readFileSync(path.join(server.dir, rel), 'utf8');
    await complete(rel, original.replace('configMapGenerator:\n', 'configMapGenerator:\n  - Name: made-here\n    literals: [a=b]\n'), 'Name: ');
    expect(labels(await complete('apps/pod.yaml', POD, 'configMapRef:\n            name: '))).toContain('made-here');
    await complete(rel, original, 'name: ');
  });

  it("offers the files and directories a kustomization's path fields name, within the kustomization (files) or the workspace (directories), never node_modules or .git", async () => {
    const rel = 'shop/base/kustomization.yaml';
    const base = fs.readFileSync(path.join(server.dir, rel), 'utf8');
    fs.mkdirSync(path.join(server.dir, 'shop/base/node_modules'), { recursive: true });
    fs.mkdirSync(path.join(server.dir, 'shop/base/.git'), { recursive: true });
    const files = labels(await complete(rel, `${base}configurations:\n  - \n`, 'configurations:\n  - '));
    expect(files).toEqual(expect.arrayContaining(['api.yaml', 'credentials.env', 'nginx.conf', 'kustomization.yaml']));
    expect(files).not.toContain('node_modules/');
    expect(files).not.toContain('.git/');
    // A file must stay in the kustomization's directory; a base directory may be above it, inside the workspace.
    expect(await complete(rel, `${base}crds:\n  - ../\n`, 'crds:\n  - ../')).toEqual([]);
    const overlay = 'shop/overlays/dev/kustomization.yaml';
    const text = fs.readFileSync(path.join(server.dir, overlay), 'utf8').replace('  - ../../base', '  - ../');
    expect(labels(await complete(overlay, text, '  - ../'))).toEqual(['../dev/', '../production/', '../staging/']);
    expect(await complete(overlay, text.replace('  - ../', '  - ../../../../'), '  - ../../../../')).toEqual([]);
  });
});
