/**
 * Quick fixes and navigation (issue 20, items 4 and 5), spoken to by a real protocol client: the
 * built server as a child process, a code action applied to the buffer and the finding gone;
 * definition locations across files and overlays; one document symbol per object.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, tempTree } from '../helpers.js';

const SERVER = path.join(REPO_ROOT, 'dist', 'lsp', 'main.js');

interface Session {
  connection: ProtocolConnection;
  /** Opens (or, when open, replaces the text of) a document; resolves with the diagnostics of that version. */
  show(file: string, text: string): Promise<Diagnostic[]>;
  uri(file: string): string;
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function session(dir: string): Promise<Session> {
  const child = spawn(process.execPath, [SERVER], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  stops.push(() => {
    connection.dispose();
    child.kill();
  });
  const waiting: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    for (const w of [...waiting]) if (w.uri === p.uri && w.version === p.version) waiting.splice(waiting.indexOf(w), 1) && w.resolve(p);
  });
  connection.listen();
  const root = pathToFileURL(dir).href;
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'w' }], capabilities: {}, initializationOptions: { debounceMs: 0 } });
  await connection.sendNotification(InitializedNotification.type, {});
  const versions = new Map<string, number>();
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).href;
  return {
    connection,
    uri,
    show(file, text) {
      const u = uri(file);
      const version = (versions.get(u) ?? 0) + 1;
      versions.set(u, version);
      const published = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${file} v${version}`)), 15_000);
        waiting.push({ uri: u, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
      if (version === 1) void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'yaml', version, text } });
      else void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: u, version }, contentChanges: [{ text }] });
      return published.then((p) => p.diagnostics);
    },
  };
}

/** What an editor does with a chosen code action: its edits applied to the buffer. */
function applied(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

const at = (line: number, character: number) => ({ line, character });

describe('code actions', () => {
  it('offers the did-you-mean as a preferred quick fix; applied, the finding is gone', async () => {
    const dir = tempTree();
    const s = await session(dir);
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labells: {a: b}\ndata:\n  version: 1.10\n';
    const diagnostics = await s.show('cm.yaml', text);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['invalid-type', 'unknown-field']);
    const unknown = diagnostics.find((d) => d.code === 'unknown-field')!;
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: s.uri('cm.yaml') }, range: unknown.range, context: { diagnostics: [unknown] } })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Change "labells" to "labels"', 'Ignore unknown-field on this line']);
    expect(actions[0]).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [{ code: 'unknown-field' }] });
    const fixed = applied(text, s.uri('cm.yaml'), actions[0]!);
    expect(fixed).toBe(text.replace('labells', 'labels'));
    const after = await s.show('cm.yaml', fixed);
    expect(after.map((d) => d.code)).toEqual(['invalid-type']);

    // The quoting fix, then nothing left.
    const quote = ((await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: s.uri('cm.yaml') }, range: after[0]!.range, context: { diagnostics: after } })) as CodeAction[])[0]!;
    expect(quote.title).toBe('Quote the value: a string');
    const quoted = applied(fixed, s.uri('cm.yaml'), quote);
    expect(quoted).toContain('  version: "1.10"\n');
    expect(await s.show('cm.yaml', quoted)).toEqual([]);
  });

  it('adds a suppression comment above the line, and the finding is gone', async () => {
    const dir = tempTree();
    const s = await session(dir);
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: a:latest\n    resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {cpu: 1m, memory: 1Mi}}\n    livenessProbe: {exec: {command: [true]}}\n';
    const diagnostics = await s.show('pod.yaml', text);
    const latest = diagnostics.find((d) => d.code === 'latest-tag')!;
    expect(latest).toBeDefined();
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: s.uri('pod.yaml') }, range: latest.range, context: { diagnostics: [latest] } })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore latest-tag on this line')!;
    const fixed = applied(text, s.uri('pod.yaml'), ignore);
    expect(fixed).toContain('  - name: a\n    # kubeproof-ignore-next-line latest-tag\n    image: a:latest\n');
    expect((await s.show('pod.yaml', fixed)).filter((d) => d.code === 'latest-tag')).toEqual([]);
  });

  it("a finding in an overlay's patch gets its fix in the patch file", async () => {
    const dir = tempTree({
      'base/kustomization.yaml': 'resources:\n- cm.yaml\n',
      'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "1"\n',
      'overlay/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: patch.yaml\n',
    });
    const s = await session(dir);
    const patch = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  b: true\n';
    fs.writeFileSync(path.join(dir, 'overlay/patch.yaml'), patch);
    const diagnostics = await s.show('overlay/patch.yaml', patch);
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-type']);
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: s.uri('overlay/patch.yaml') }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
    const fixed = applied(patch, s.uri('overlay/patch.yaml'), actions[0]!);
    expect(fixed).toBe(patch.replace('b: true', 'b: "true"'));
    expect(await s.show('overlay/patch.yaml', fixed)).toEqual([]);
  });
});

describe('navigation', () => {
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      serviceAccountName: builder\n      containers:\n      - name: web\n        image: web:1\n        envFrom:\n        - configMapRef: {name: settings}\n';

  it('goes from a reference to the object it names, in another file; from a patch to its base; from a kustomization entry to its file', async () => {
    const dir = tempTree({
      'plain/app.yaml': deployment,
      'plain/objects.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
      'kz/base/kustomization.yaml': 'resources:\n- app.yaml\n',
      'kz/base/app.yaml': deployment.replace('      serviceAccountName: builder\n', ''),
      'kz/overlay/kustomization.yaml': 'namePrefix: dev-\nresources:\n- ../base\n- settings.yaml\npatches:\n- path: patch.yaml\n',
      'kz/overlay/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n',
      'kz/overlay/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n',
    });
    const s = await session(dir);
    const definition = (file: string, line: number, character: number) => s.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: s.uri(file) }, position: at(line, character) }) as Promise<Location[]>;

    await s.show('plain/app.yaml', deployment);
    expect(await definition('plain/app.yaml', 8, 28)).toEqual([{ uri: s.uri('plain/objects.yaml'), range: { start: at(2, 17), end: at(2, 24) } }]);
    expect(await definition('plain/app.yaml', 13, 31)).toEqual([{ uri: s.uri('plain/objects.yaml'), range: { start: at(7, 8), end: at(7, 16) } }]);
    expect(await definition('plain/app.yaml', 11, 17)).toEqual([]); // an image is no reference

    // In an overlay: the base's reference names "settings", rendered "dev-settings": the overlay's ConfigMap.
    await s.show('kz/base/app.yaml', deployment.replace('      serviceAccountName: builder\n', ''));
    expect(await definition('kz/base/app.yaml', 12, 31)).toEqual([{ uri: s.uri('kz/overlay/settings.yaml'), range: { start: at(2, 17), end: at(2, 25) } }]);

    await s.show('kz/overlay/patch.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n');
    expect(await definition('kz/overlay/patch.yaml', 4, 4)).toEqual([{ uri: s.uri('kz/base/app.yaml'), range: { start: at(2, 17), end: at(2, 20) } }]);

    const kustomization = fs.readFileSync(path.join(dir, 'kz/overlay/kustomization.yaml'), 'utf8');
    await s.show('kz/overlay/kustomization.yaml', kustomization);
    const start = { start: at(0, 0), end: at(0, 0) };
    expect(await definition('kz/overlay/kustomization.yaml', 2, 4)).toEqual([{ uri: s.uri('kz/base/kustomization.yaml'), range: start }]);
    expect(await definition('kz/overlay/kustomization.yaml', 3, 4)).toEqual([{ uri: s.uri('kz/overlay/settings.yaml'), range: start }]);
    expect(await definition('kz/overlay/kustomization.yaml', 5, 10)).toEqual([{ uri: s.uri('kz/overlay/patch.yaml'), range: start }]);
  });

  it('goes to the object a reference names by kind and name: an autoscaler\'s target, a binding\'s role and subjects', async () => {
    const rbac = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 3\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: read, namespace: shop}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}\nsubjects:\n- {kind: ServiceAccount, name: builder}\n- {kind: User, name: builder}\n';
    const objects = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: web:1}]}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\nrules: []\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder, namespace: shop}\n';
    const dir = tempTree({ 'refs.yaml': rbac, 'objects.yaml': objects });
    const s = await session(dir);
    const definition = (line: number, character: number) => s.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: s.uri('refs.yaml') }, position: at(line, character) }) as Promise<Location[]>;
    await s.show('refs.yaml', rbac);
    expect(await definition(4, 66)).toEqual([{ uri: s.uri('objects.yaml'), range: { start: at(2, 17), end: at(2, 20) } }]);
    expect(await definition(11, 74)).toEqual([{ uri: s.uri('objects.yaml'), range: { start: at(11, 17), end: at(11, 23) } }]);
    expect(await definition(13, 33)).toEqual([{ uri: s.uri('objects.yaml'), range: { start: at(16, 17), end: at(16, 24) } }]);
    expect(await definition(14, 23)).toEqual([]); // a User is no object
  });

  it('lists one document symbol per object, kind/name, spanning its document', async () => {
    const dir = tempTree();
    const s = await session(dir);
    const text = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder, namespace: ci}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {}\n';
    await s.show('objects.yaml', text);
    const symbols = (await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: s.uri('objects.yaml') } })) as DocumentSymbol[];
    expect(symbols.map((x) => [x.name, x.detail, x.range.start.line, x.range.end.line, x.selectionRange.start])).toEqual([
      ['ServiceAccount/builder', 'v1, namespace ci', 0, 3, at(2, 17)],
      ['ConfigMap/settings', 'v1', 4, 9, at(7, 8)],
    ]);
  });
});
