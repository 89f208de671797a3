/**
 * `kubeproof lsp` end to end: the built server as a child process, spoken to over stdio by a
 * real LSP client (vscode-languageserver-protocol), in a temporary workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ExitNotification,
  FileChangeType,
  RegistrationRequest,
  ShutdownRequest,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, tempTree } from '../helpers.js';
import { SERVER, startClient, type Client } from './client.js';

const DOCS = 'https://github.com/kubeproof/kubeproof/blob/main/docs/rules.md';
/** Long enough that a didSave right after a didChange always wins the race against the debounced check. */
const DEBOUNCE_MS = 150;

const deployment = (extra: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
${extra}`;

/** Line 18 (1-based), key at columns 11-26: a misspelt field. */
const BAD = deployment('          imagePullPolicyy: Always\n');
/** The same, clean under the schema and every rule. */
const GOOD = deployment(`          imagePullPolicy: Always
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 128Mi}
          readinessProbe:
            httpGet: {path: /, port: 80}
          livenessProbe:
            httpGet: {path: /, port: 80}
`);

const WORKFLOW = `name: ci
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

describe('kubeproof lsp', () => {
  let dir: string;
  let client: Client;
  let initialized: InitializeResult;
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;

  beforeAll(async () => {
    expect(fs.existsSync(SERVER), 'run `npm run build` first').toBe(true);
    dir = tempTree({
      'apps/web.yaml': BAD,
      'cfg/kubeproof.yaml': 'rules:\n  missing-limits: off\n  missing-requests: error\n',
      'pss/kubeproof.yaml': 'podSecurity: {default: baseline}\n',
      '.github/workflows/ci.yml': WORKFLOW,
      'k/base/kustomization.yaml': 'resources:\n  - deploy.yaml\n',
      'k/base/deploy.yaml': BAD,
      'k/overlays/prod/kustomization.yaml': 'namePrefix: prod-\nnamespace: prod\nresources:\n  - ../../base\n',
    });
    // The example shop: a base built by three overlays, as a typical repository has it.
    fs.cpSync(path.join(REPO_ROOT, 'overlays-example'), path.join(dir, 'shop'), { recursive: true });
    ({ client, initialized } = await startClient(dir, {}, { debounceMs: DEBOUNCE_MS }));
  });

  afterAll(() => {
    client?.connection.dispose();
    if (client?.child.exitCode === null) client.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces incremental sync with open, close and save notifications', () => {
    expect(initialized.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } });
    expect(initialized.serverInfo?.name).toBe('kubeproof');
  });

  it('publishes a bad Deployment on open: 0-based range, rule id as code, a link to its docs, severity', async () => {
    const published = await client.open(uri('apps/web.yaml'), BAD);
    expect(published.version).toBe(1);
    const [unknown] = byCode(published.diagnostics, 'unknown-field');
    expect(unknown).toMatchObject({
      range: { start: { line: 17, character: 10 }, end: { line: 17, character: 26 } },
      severity: DiagnosticSeverity.Error,
      source: 'kubeproof',
      message: expect.stringContaining('imagePullPolicyy'),
    });
    // Schema findings link to their section of the rule docs; rules with a section of their own link there.
    const anchor = unknown!.codeDescription!.href.split('#')[1]!;
    expect(unknown!.codeDescription!.href).toBe(`${DOCS}#${anchor}`);
    expect(anchorsIn(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8'))).toContain(anchor);
    const [limits] = byCode(published.diagnostics, 'missing-limits');
    expect(limits).toMatchObject({ severity: DiagnosticSeverity.Warning, codeDescription: { href: `${DOCS}#missing-limits` } });
  });

  it("applies the project's kubeproof.yaml and the buffer's suppression comments, as kubeproof check does", async () => {
    const text = BAD.replace('          imagePullPolicyy: Always\n', '          # kubeproof-ignore-next-line unknown-field -- a field of a newer version\n          imagePullPolicyy: Always\n          # kubeproof-ignore-next-line latest-tag\n          tty: true\n');
    const published = await client.open(uri('cfg/web.yaml'), text);
    const codes = published.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`);
    expect(codes).not.toContain(expect.stringMatching(/unknown-field/));
    expect(codes).not.toContain(expect.stringMatching(/missing-limits/));
    expect(codes).toContain(`16:missing-requests:${DiagnosticSeverity.Error}`);
    expect(codes).toContain(`20:unused-suppression:${DiagnosticSeverity.Warning}`);
  });

  it('reports what the PodSecurity admission controller would refuse, with the project config', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  containers:\n  - {name: c, image: busybox:1.36}\n';
    const published = await client.open(uri('pss/pod.yaml'), pod);
    expect(byCode(published.diagnostics, 'pod-security')).toMatchObject([
      { range: { start: { line: 4, character: 11 } }, severity: DiagnosticSeverity.Error, message: 'violates PodSecurity "baseline:latest": host namespaces (hostPID=true)' },
    ]);
  });

  it('checks the unsaved buffer of a burst of edits once it pauses, and clears what the edit fixed', async () => {
    const target = uri('apps/web.yaml');
    const versions: number[] = [];
    const seen = client.next(target, (p) => (versions.push(p.version!), false));
    seen.catch(() => {}); // never resolves: it only records what is published
    const first = client.change(target, BAD.replace('Always', 'Never'));
    const middle = client.change(target, GOOD.slice(0, 200));
    const last = client.change(target, GOOD);
    expect(await client.next(target, (p) => p.version === last)).toMatchObject({ version: last, diagnostics: [] });
    // The first edit of a burst may be checked at once (the server cannot know more follow); one in the middle never is.
    // (Open documents are re-published with their old version when the rules look across them: those are not edits.)
    expect(versions.filter((v) => v > first)).toEqual([last]);
    expect(middle).toBe(first + 1);
  });

  it('says nothing about YAML that is not Kubernetes', async () => {
    const published = await client.open(uri('.github/workflows/ci.yml'), WORKFLOW);
    expect(published.diagnostics).toEqual([]);
  });

  it('reports malformed YAML and keeps serving', async () => {
    const broken = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  list: [1, 2\n';
    const published = await client.open(uri('apps/broken.yaml'), broken);
    // The words and the place the command line gives: the `[` that is never closed, not the end of the file.
    expect(published.diagnostics).toMatchObject([{
      code: 'yaml-syntax',
      severity: DiagnosticSeverity.Error,
      range: { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } },
      message: 'this `[` is never closed: add `]` after its last item (if it spans several lines, they must be indented more than `list`) (yaml: Flow sequence in block collection must be sufficiently indented and end with a ])',
    }]);
    expect(client.child.exitCode).toBeNull();
    const after = await client.open(uri('apps/other.yaml'), GOOD.replaceAll('web', 'other'));
    expect(after.diagnostics).toEqual([]);
  });

  it('reports the findings of the rendered overlay in the base file, from the unsaved buffer', async () => {
    const base = uri('k/base/deploy.yaml');
    const published = await client.open(base, BAD);
    const [unknown] = byCode(published.diagnostics, 'unknown-field');
    // The object as the overlay renders it: prefixed and namespaced, yet the position is in the base file.
    expect(unknown).toMatchObject({ range: { start: { line: 17, character: 10 } }, data: { resource: { name: 'prod-web', namespace: 'prod' } } });

    expect((await client.edit(base, GOOD)).diagnostics).toEqual([]);
  });

  it('reports errors in a kustomization file, and updates the open base file when the overlay changes', async () => {
    const overlay = uri('k/overlays/prod/kustomization.yaml');
    const base = uri('k/base/deploy.yaml');
    const text = 'namePrefix: prod-\nnamespace: prod\nresources:\n  - ../../base\n';
    expect((await client.open(overlay, text)).diagnostics).toEqual([]);

    const [build] = (await client.edit(overlay, text + '  - ../../missing\n')).diagnostics;
    expect(build).toMatchObject({ code: 'kustomize-build', severity: DiagnosticSeverity.Error, range: { start: { line: 4, character: 4 } } });

    // While the overlay cannot be built, nothing can be said of the base through it; the base buffer turns BAD meanwhile.
    expect(byCode((await client.edit(base, BAD)).diagnostics, 'unknown-field')).toEqual([]);

    // Fixing the overlay (unsaved, with a new prefix) re-checks the open base file too: its typo, under the new name.
    const renamed = client.next(base, (p) => byCode(p.diagnostics, 'unknown-field').some((d) => (d.data as { resource: { name: string } }).resource.name === 'staging-web'));
    client.change(overlay, text.replace('prod-', 'staging-'));
    const [unknown] = byCode((await renamed).diagnostics, 'unknown-field');
    expect(unknown).toMatchObject({ range: { start: { line: 17, character: 10 } }, data: { resource: { namespace: 'prod' } } });
  });

  it("points at a base file's own error when it stops the overlay's build", async () => {
    const base = uri('k/base/deploy.yaml');
    const nameless = await client.edit(base, GOOD.replace('  name: web\n', '  labels: {tier: web}\n'));
    expect(nameless.diagnostics).toMatchObject([{ code: 'missing-name', severity: DiagnosticSeverity.Error, range: { start: { line: 2, character: 0 } } }]);

    const broken = await client.edit(base, GOOD.replace('replicas: 2', 'replicas: [2'));
    expect(broken.diagnostics).toMatchObject([{
      code: 'yaml-syntax',
      severity: DiagnosticSeverity.Error,
      range: { start: { line: 5, character: 12 } },
      message: 'this `[` is never closed: add `]` after its last item (if it spans several lines, they must be indented more than `replicas`) (yaml: Flow sequence in block collection must be sufficiently indented and end with a ])',
    }]);
  });

  it('re-checks a saved file in well under 50 ms once warm (bound kept generous here against slow CI machines)', async () => {
    const measure = async (rel: string, variants: [string, string]) => {
      const target = uri(rel);
      const file = path.join(dir, rel);
      const times: number[] = [];
      if (!client.isOpen(target)) await client.open(target, fs.readFileSync(file, 'utf8'));
      for (let i = 0; i < 22; i++) {
        const text = variants[i % 2]!;
        fs.writeFileSync(file, text);
        const version = client.change(target, text);
        const published = client.next(target, (p) => p.version === version);
        const start = performance.now();
        client.save(target);
        await published;
        if (i >= 2) times.push(performance.now() - start); // the first two warm the kinds and caches
      }
      times.sort((a, b) => a - b);
      return { median: times[times.length >> 1]!, max: times[times.length - 1]! };
    };
    const api = fs.readFileSync(path.join(dir, 'shop/base/api.yaml'), 'utf8');
    const results = {
      'plain file': await measure('apps/web.yaml', [BAD, GOOD]),
      'file in a base of one overlay': await measure('k/base/deploy.yaml', [BAD, GOOD]),
      'overlays-example/base/api.yaml (three overlays)': await measure('shop/base/api.yaml', [api.replace('replicas: 1', 'replicas: 2'), api]),
    };
    const figures = Object.entries(results).map(([what, t]) => `${what}: median ${t.median.toFixed(1)} ms, max ${t.max.toFixed(1)} ms`);
    console.log(`kubeproof lsp re-check latency, didSave -> publishDiagnostics, 20 saves each:\n  ${figures.join('\n  ')}`);
    for (const t of Object.values(results)) expect(t.median).toBeLessThan(500);
  });

  it('shuts down and exits with code 0', async () => {
    const exited = new Promise<number | null>((resolve) => client.child.once('exit', (code) => resolve(code)));
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
  });
});

describe('kubeproof lsp, with a client that watches files', () => {
  const usesConfig = GOOD.replace('          livenessProbe:', '          envFrom:\n            - configMapRef: {name: settings}\n          livenessProbe:');
  let dir: string;
  let client: Client;
  const registered: string[] = [];

  beforeAll(async () => {
    dir = tempTree({ 'apps/web.yaml': usesConfig });
    const capabilities = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };
    ({ client } = await startClient(dir, capabilities, { debounceMs: DEBOUNCE_MS }, (c) => c.connection.onRequest(RegistrationRequest.type, (params) => void registered.push(...params.registrations.map((r) => r.method)))));
  });

  afterAll(async () => {
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    client.connection.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('re-checks open documents against files created outside the editor', async () => {
    const web = pathToFileURL(path.join(dir, 'apps/web.yaml')).href;
    expect(byCode((await client.open(web, usesConfig)).diagnostics, 'missing-configmap')).toHaveLength(1);
    await vi.waitFor(() => expect(registered).toContain(DidChangeWatchedFilesNotification.type.method));

    // A ConfigMap appears on disk (a git checkout, another tool): the rules look across the workspace's files.
    const cm = path.join(dir, 'apps/settings.yaml');
    fs.writeFileSync(cm, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: info\n');
    const rechecked = client.next(web);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(cm).href, type: FileChangeType.Created }] });
    expect((await rechecked).diagnostics).toEqual([]);
  });
});

describe('kubeproof lsp --stdio (wired in program.ts)', () => {
  it('runs as the real CLI, the way editors start it', async () => {
    const dir = tempTree({ 'web.yaml': BAD });
    const { client } = await startClient(dir, {}, { debounceMs: DEBOUNCE_MS }, undefined, [path.join(REPO_ROOT, 'dist', 'cli', 'main.cjs'), 'lsp', '--stdio']);
    try {
      const published = await client.open(pathToFileURL(path.join(dir, 'web.yaml')).href, BAD);
      expect(byCode(published.diagnostics, 'unknown-field')).toHaveLength(1);
      const exited = new Promise<number | null>((resolve) => client.child.once('exit', (code) => resolve(code)));
      await client.connection.sendRequest(ShutdownRequest.type);
      await client.connection.sendNotification(ExitNotification.type);
      expect(await exited).toBe(0);
    } finally {
      client.connection.dispose();
      if (client.child.exitCode === null) client.child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The anchors a markdown file has on GitHub: its headings' slugs and its explicit `<a id>`s. */
function anchorsIn(markdown: string): string[] {
  const explicit = [...markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)].map((m) => m[1]!);
  const headings = markdown
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) =>
      l
        .replace(/^#+ /, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  return [...explicit, ...headings];
}
