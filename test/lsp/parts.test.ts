/** The language server's small parts, each on its own: positions, links, settings, relevance, debouncing. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { ruleCatalog } from '../../src/api/catalog.js';
import { ruleDocsMarkdown } from '../../src/api/rule-docs.js';
import type { Diagnostic } from '../../src/core/index.js';
import { toLspDiagnostic } from '../../src/lsp/convert.js';
import { DEFAULT_DEBOUNCE_MS, optionsKey, parseSettings } from '../../src/lsp/options.js';
import { editorLoadDiagnostics } from '../../src/lsp/relevance.js';
import { RULE_DOCS_URL, ruleDocsUrl as ruleDocsHref } from '../../src/core/index.js';
import { isCheckable } from '../../src/lsp/paths.js';
import { CheckScheduler } from '../../src/lsp/scheduler.js';
import { Sources } from '../../src/lsp/sources.js';
import { Workspace } from '../../src/lsp/workspace.js';
import { DEFAULT_KUBERNETES_VERSION } from '../../src/schema/index.js';
import { parse, tempTree } from '../helpers.js';

const finding = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  ruleId: 'latest-tag',
  severity: 'warning',
  message: 'image "nginx" has no tag',
  file: '/w/a.yaml',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 17,
  path: '/spec/containers/0/image',
  ...over,
});

describe('toLspDiagnostic', () => {
  it('turns 1-based positions into 0-based ones and the rule id into a code with a link', () => {
    expect(toLspDiagnostic(finding())).toEqual({
      range: { start: { line: 2, character: 4 }, end: { line: 2, character: 16 } },
      severity: DiagnosticSeverity.Warning,
      code: 'latest-tag',
      codeDescription: { href: `${RULE_DOCS_URL}#latest-tag` },
      source: 'kubeproof',
      message: 'image "nginx" has no tag',
      data: { path: '/spec/containers/0/image' },
    });
  });

  it('maps every severity', () => {
    expect(toLspDiagnostic(finding({ severity: 'error' })).severity).toBe(DiagnosticSeverity.Error);
    expect(toLspDiagnostic(finding({ severity: 'info' })).severity).toBe(DiagnosticSeverity.Information);
  });

  it('never produces a negative or inverted range', () => {
    expect(toLspDiagnostic(finding({ line: 1, column: 1, endLine: 1, endColumn: 1 })).range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(toLspDiagnostic(finding({ line: 4, column: 9, endLine: 4, endColumn: 2 })).range.end).toEqual({ line: 3, character: 8 });
  });
});

describe('rule doc links', () => {
  it('point every rule kubeproof reports at an anchor the rule docs have', () => {
    const markdown = ruleDocsMarkdown();
    const anchors = new Set([...markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)].map((m) => m[1]!));
    for (const line of markdown.split('\n')) {
      const heading = /^#{1,6} (.*)$/.exec(line);
      if (heading) anchors.add(heading[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
    }
    for (const rule of ruleCatalog()) {
      const href = ruleDocsHref(rule.id);
      expect(href.startsWith(`${RULE_DOCS_URL}#`), rule.id).toBe(true);
      expect(anchors.has(href.slice(RULE_DOCS_URL.length + 1)), `${rule.id} -> ${href}`).toBe(true);
    }
  });

});

describe('parseSettings', () => {
  it('defaults, and takes a Kubernetes version and a debounce delay', () => {
    expect(parseSettings(undefined)).toEqual({ settings: { kubernetesVersion: DEFAULT_KUBERNETES_VERSION, debounceMs: DEFAULT_DEBOUNCE_MS, crdPaths: [] }, warnings: [] });
    expect(parseSettings({ kubernetesVersion: 'v1.34.2', debounceMs: 0 }).settings).toEqual({ kubernetesVersion: '1.34', debounceMs: 0, crdPaths: [] });
  });

  it('falls back to the defaults with a warning for what it cannot use', () => {
    const { settings, warnings } = parseSettings({ kubernetesVersion: '1.2', debounceMs: 'soon' });
    expect(settings).toEqual({ kubernetesVersion: DEFAULT_KUBERNETES_VERSION, debounceMs: DEFAULT_DEBOUNCE_MS, crdPaths: [] });
    expect(warnings).toHaveLength(2);
    expect(parseSettings([1]).warnings).toEqual(['initializationOptions must be an object; using the defaults']);
  });

  it('adds the client\'s crdPaths, relative to the workspace folder, to the command line\'s', () => {
    expect(parseSettings({ crdPaths: ['crds', '/abs/x.yaml'] }, { crdPaths: ['/cli/crds'], folder: '/ws' }).settings.crdPaths).toEqual(['/cli/crds', '/ws/crds', '/abs/x.yaml']);
    expect(parseSettings({ crdPaths: 'crds' }, { crdPaths: ['/cli/crds'] })).toMatchObject({ settings: { crdPaths: ['/cli/crds'] }, warnings: ['crdPaths must be a list of paths, got "crds"; ignoring it'] });
  });

  it('keys options independently of their order', () => {
    expect(optionsKey({ kubernetesVersion: '1.35', severities: { b: 'off', a: 'error' } })).toBe(optionsKey({ severities: { a: 'error', b: 'off' }, kubernetesVersion: '1.35' }));
  });
});

describe('editorLoadDiagnostics', () => {
  it('drops the notes about skipped documents', () => {
    expect(editorLoadDiagnostics(parse('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nfoo: bar\n'))).toEqual([]);
  });

  it('says nothing about YAML that is not Kubernetes, even a list or custom tags', () => {
    expect(editorLoadDiagnostics(parse('- hosts: all\n  tasks: []\n'))).toEqual([]);
    expect(editorLoadDiagnostics(parse('Resources:\n  Bucket:\n    Type: !Ref Name\n'))).toEqual([]);
  });

  it('keeps syntax errors whatever the file, and problems of objects', () => {
    expect(editorLoadDiagnostics(parse('on:\n  push: [main\n')).map((d) => d.ruleId)).toEqual(['yaml-syntax']);
    expect(editorLoadDiagnostics(parse('kind: ConfigMap\nmetadata: {name: a}\n')).map((d) => d.ruleId)).toEqual(['missing-api-version']);
  });
});

describe('CheckScheduler', () => {
  afterEach(() => void vi.useRealTimers());

  it('checks a single edit at once, a burst once after it pauses, at once on demand, and never after dispose', () => {
    vi.useFakeTimers();
    let clock = 0;
    const runs: string[] = [];
    const scheduler = new CheckScheduler((uri) => void runs.push(uri), () => 100, () => clock);
    const advance = (ms: number) => {
      clock += ms;
      vi.advanceTimersByTime(ms);
    };
    // An edit to an idle document: on the next turn of the event loop, with no wait.
    scheduler.later('a');
    expect(runs).toEqual([]);
    vi.runOnlyPendingTimers();
    expect(runs).toEqual(['a']);

    // Edits 60 ms apart are a burst: checked once, 100 ms after the last.
    advance(60);
    scheduler.later('a');
    advance(60);
    scheduler.later('a');
    advance(99);
    expect(runs).toEqual(['a']);
    advance(1);
    expect(runs).toEqual(['a', 'a']);

    // After a pause longer than the delay, an edit is a single one again.
    advance(500);
    scheduler.later('a');
    vi.runOnlyPendingTimers();
    expect(runs).toEqual(['a', 'a', 'a']);

    scheduler.later('b');
    scheduler.now('b'); // a save supersedes the pending check
    advance(200);
    expect(runs).toEqual(['a', 'a', 'a', 'b']);

    scheduler.later('c');
    scheduler.dispose();
    scheduler.now('d');
    advance(200);
    expect(runs).toEqual(['a', 'a', 'a', 'b']);
  });
});

describe('isCheckable', () => {
  it('takes YAML, kustomization files and JSON, but not JSON with comments or Helm templates', () => {
    const dir = tempTree({ 'chart/Chart.yaml': 'name: c\n', 'chart/templates/deploy.yaml': '{{ .Values }}\n' });
    expect(isCheckable('/w/deploy.yaml', 'yaml')).toBe(true);
    expect(isCheckable('/w/Kustomization', 'plaintext')).toBe(true);
    expect(isCheckable('/w/pod.json', 'json')).toBe(true);
    expect(isCheckable('/w/tsconfig.json', 'jsonc')).toBe(false);
    expect(isCheckable('/w/notes.txt', 'plaintext')).toBe(false);
    expect(isCheckable(path.join(dir, 'chart/templates/deploy.yaml'), 'yaml')).toBe(false);
    expect(isCheckable(path.join(dir, 'chart/values.yaml'), 'yaml')).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('Workspace', () => {
  it('finds the overlays that build a file, through bases and components, and the manifests outside every tree', () => {
    const dir = fs.realpathSync(
      tempTree({
        'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
        'base/deploy.yaml': 'kind: Deployment\n',
        'base/sub/extra.yaml': 'kind: Service\n',
        'comp/kustomization.yaml': 'kind: Component\n',
        'dev/kustomization.yaml': 'resources: [../base]\ncomponents: [../comp]\n',
        'prod/kustomization.yaml': 'resources: [../base, https://example.com/remote.yaml]\n',
        'lone/kustomization.yaml': 'resources: []\n',
        'plain/cm.yaml': 'kind: ConfigMap\n',
        'node_modules/x/y.yaml': 'kind: ConfigMap\n',
      }),
    );
    const workspace = new Workspace([dir], new Sources());
    const at = (...p: string[]) => path.join(dir, ...p);
    expect(workspace.rootsFor(at('base/deploy.yaml'))).toEqual([at('dev'), at('prod')]);
    expect(workspace.rootsFor(at('base/sub/extra.yaml'))).toEqual([at('dev'), at('prod')]);
    expect(workspace.rootsFor(at('comp/kustomization.yaml'))).toEqual([at('dev')]);
    expect(workspace.rootsFor(at('plain/cm.yaml'))).toEqual([]);
    expect(workspace.topLevelDirs().sort()).toEqual([at('dev'), at('lone'), at('prod')]);
    expect(workspace.plainFiles()).toEqual([at('plain/cm.yaml')]);
    expect(workspace.knows(at('plain/new.yaml'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
