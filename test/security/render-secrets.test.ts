/**
 * Secrets never printed, through kustomize builds: secretGenerator literals, env files and
 * files, patches and replacements that touch a Secret. A failed build's message (kustomize's
 * words) reaches `kubeproof render`'s stderr and every report of `kubeproof check`; neither may
 * hold a value. `kubeproof render` itself prints Secrets as kustomize does, unless
 * `--redact-secrets`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, REDACTED, REDACTED_BASE64, render } from '../../src/index.js';
import { parseManifests } from '../../src/load/index.js';
import { runCli, tempTree } from '../helpers.js';
import { b64, canary, expectNoLeak, expectNoLeakIn, inEveryFormat, leakIn } from './canary.js';

const S = canary('render/S');
const S2 = canary('render/S2');
const S3 = canary('render/S3');

const SECRET = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ntype: Opaque\ndata:\n  token: ${b64(S)}\nstringData:\n  other: ${S2}\n`;
const DEPLOYMENT = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n`;

interface Case {
  name: string;
  files: Record<string, string>;
  secrets: string[];
  /** Fragments the text report of `check` must hold: proof that the path was taken. */
  shows: string[];
  /** A replacement copies a value out of the Secret: `render --redact-secrets` masks Secrets, not the copies. */
  copiesOut?: boolean;
}

const cases: Case[] = [
  {
    name: 'a secretGenerator literal without a key, next to good ones',
    files: { 'kustomization.yaml': `secretGenerator:\n- name: creds\n  literals:\n  - password=${S}\n  - ${S2}\n  - quoted="${S3}"\n` },
    secrets: [S, S2, S3],
    shows: ['literal sources [password=<redacted> <redacted> quoted=<redacted>]: invalid literal source <redacted>, expected key=value'],
  },
  {
    name: 'a secretGenerator literal with an empty key',
    files: { 'kustomization.yaml': `secretGenerator:\n- name: creds\n  literals: ["=${S}"]\n` },
    secrets: [S],
    shows: ['invalid literal source <redacted>'],
  },
  {
    name: 'a key repeated between an env file, a literal and a file',
    files: {
      'kustomization.yaml': `secretGenerator:\n- name: creds\n  envs: [creds.env]\n  literals: [token=${S}]\n  files: [other=token.txt]\n`,
      'creds.env': `# comment\ntoken=${S2}\nother=${S3}\n`,
      'token.txt': `${S3}\n`,
    },
    secrets: [S, S2, S3],
    shows: ['secret creds illegally repeats the key `token`'],
  },
  {
    name: 'a file source repeating a key, its contents secret',
    files: { 'kustomization.yaml': `secretGenerator:\n- name: creds\n  files: [token=a.txt, token=b.txt]\n`, 'a.txt': S, 'b.txt': `line one\n${S2}\n` },
    secrets: [S, S2],
    shows: ['illegally repeats the key `token`'],
  },
  {
    name: 'a bad escape in a secretGenerator literal (the kustomization does not parse)',
    files: { 'kustomization.yaml': `secretGenerator:\n- name: creds\n  literals: ["password=\\U${S}"]\n` },
    secrets: [S],
    shows: ['Invalid escape sequence <redacted>'],
  },
  {
    name: 'a tag in a secretGenerator literal',
    files: { 'kustomization.yaml': `secretGenerator:\n- name: creds\n  literals: [!${S} x]\n- name: two\n  literals: ["a\n` },
    secrets: [S],
    shows: ['kustomize-build'],
  },
  {
    name: 'a strategic merge patch giving a Secret the wrong node kind',
    files: { 'kustomization.yaml': 'resources: [secret.yaml]\npatches:\n- path: patch.yaml\n', 'secret.yaml': SECRET, 'patch.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\ndata: ${S3}\n` },
    secrets: [S, S2, S3],
    shows: ['wrong node kind: expected MappingNode but got ScalarNode: node contents: <redacted>'],
  },
  {
    name: 'an inline strategic merge patch nesting a map under a Secret value',
    files: { 'kustomization.yaml': `resources: [secret.yaml]\npatches:\n- patch: |\n    apiVersion: v1\n    kind: Secret\n    metadata: {name: creds}\n    data:\n      token: {nested: ${S3}}\n`, 'secret.yaml': SECRET },
    secrets: [S, S2, S3],
    shows: ['wrong node kind', '<redacted>'],
  },
  {
    name: 'a patchesStrategicMerge file for a Secret',
    files: { 'kustomization.yaml': 'resources: [secret.yaml]\npatchesStrategicMerge: [patch.yaml]\n', 'secret.yaml': SECRET, 'patch.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: [${S3}]\n` },
    secrets: [S, S2, S3],
    shows: ['node contents: <redacted>'],
  },
  {
    name: 'a JSON patch without a target that sets Secret data',
    files: { 'kustomization.yaml': `resources: [secret.yaml]\npatches:\n- patch: |\n    - op: add\n      path: /data/more\n      value: ${b64(S3)}\n    - op: add\n      path: /stringData/x\n      value: ${S3}\n`, 'secret.yaml': SECRET },
    secrets: [S, S2, S3],
    shows: ['must specify a target for JSON patch [<redacted>]'],
  },
  {
    name: 'a patch with both path and patch',
    files: { 'kustomization.yaml': `resources: [secret.yaml]\npatches:\n- path: p.yaml\n  target: {kind: Secret}\n  patch: |\n    - op: add\n      path: /stringData/x\n      value: ${S3}\n`, 'secret.yaml': SECRET, 'p.yaml': '[]\n' },
    secrets: [S, S2, S3],
    shows: ["patch and path can't be set at the same time", '"patch":"<redacted>"'],
  },
  {
    name: 'an inline patch for a Secret that does not parse',
    files: { 'kustomization.yaml': `resources: [secret.yaml]\npatches:\n- patch: |\n    apiVersion: v1\n    kind: Secret\n    metadata: {name: creds}\n    stringData: {a: "\\U${S3}"}\n`, 'secret.yaml': SECRET },
    secrets: [S, S2, S3],
    shows: ['unable to parse SM or JSON patch from [<redacted>]: this backslash does not start an escape sequence YAML knows', '(yaml: Invalid escape sequence <redacted>)'],
  },
  {
    name: 'a JSON 6902 patch on a Secret whose test fails, and its target selects by a pattern',
    files: { 'kustomization.yaml': `resources: [secret.yaml]\npatchesJson6902:\n- target: {kind: Secr.*, name: creds, version: v1}\n  patch: |\n    - op: test\n      path: /data/token\n      value: ${b64(S3)}\n`, 'secret.yaml': SECRET },
    secrets: [S, S2, S3],
    shows: ['testing value /data/token failed'],
  },
  {
    name: 'a resource file holding a Secret that does not parse',
    files: { 'kustomization.yaml': 'resources: [secret.yaml]\n', 'secret.yaml': SECRET.replace(`other: ${S2}`, `other: "\\U${S2}"`) },
    secrets: [S, S2],
    shows: ['secret.yaml:9:11: this backslash does not start an escape sequence YAML knows', '(yaml: Invalid escape sequence <redacted>)'],
  },
  {
    name: 'a replacement copying a Secret value into a field whose schema error quotes it',
    files: {
      'kustomization.yaml': 'resources: [secret.yaml, deployment.yaml]\nreplacements:\n- source: {kind: Secret, name: creds, fieldPath: stringData.other}\n  targets:\n  - select: {kind: Deployment}\n    fieldPaths: [spec.replicas, "spec.template.spec.containers.[name=web].image"]\n',
      'secret.yaml': SECRET,
      'deployment.yaml': DEPLOYMENT,
    },
    secrets: [S, S2],
    shows: ['spec.replicas: Invalid value: "<redacted>": must be an integer', 'image "<redacted>" has no tag'],
    copiesOut: true,
  },
  {
    name: 'a generated Secret merged into a loaded one, and rules on the result',
    files: {
      'kustomization.yaml': `resources: [secret.yaml, deployment.yaml]\nsecretGenerator:\n- name: creds\n  behavior: merge\n  literals: [extra=${S3}]\n  envs: [more.env]\n`,
      'secret.yaml': SECRET,
      'more.env': `pin=${S}\n`,
      'deployment.yaml': DEPLOYMENT.replace('image: nginx:1.27', 'image: nginx:1.27\n        env:\n        - name: X\n          valueFrom: {secretKeyRef: {name: creds, key: nope}}'),
    },
    secrets: [S, S2, S3],
    shows: ['missing-secret-key'],
  },
];

describe('Secret values never reach any output through a kustomize build', () => {
  for (const c of cases) {
    it(`${c.name}: check in every format, render's stderr, check()`, async () => {
      const dir = tempTree(c.files);
      const outputs = await inEveryFormat(['check', '.'], dir);
      expectNoLeakIn(outputs, c.secrets);
      for (const shown of c.shows) expect(outputs.texts['text stdout']!.replace(/\s+/g, ' ')).toContain(shown);

      const rendered = await runCli(['render', '.', '--debug'], { cwd: dir });
      if (rendered.code !== 0) expectNoLeak(rendered.stdout + rendered.stderr, c.secrets, 'render');
      expectNoLeak(rendered.stderr, c.secrets, 'render stderr');

      const result = check(['.'], { cwd: dir });
      expectNoLeak(JSON.stringify({ diagnostics: result.diagnostics, errors: result.errors.map((e) => e.message) }), c.secrets, 'check()');
      const masked = render(dir, { redactSecrets: true });
      if (c.copiesOut) expect(masked.yaml).toContain(`replicas: ${S2}`); // what a replacement copied into a Deployment is the Deployment's
      else expectNoLeak(JSON.stringify(masked), c.secrets, 'render({ redactSecrets: true })');
    });
  }

  it('quotes the same mistakes in a ConfigMap generator or patch: the controls', async () => {
    const C = canary('render/control');
    const controls: [string, Record<string, string>][] = [
      ['a literal without a key', { 'kustomization.yaml': `configMapGenerator:\n- name: settings\n  literals: [a=${C}, ${C}x]\n` }],
      ['a bad escape in a kustomization', { 'kustomization.yaml': `resources: []\nnamePrefix: "\\U${C}"\n` }],
      ['a wrong node kind', { 'kustomization.yaml': 'resources: [cm.yaml]\npatches:\n- path: patch.yaml\n', 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\nimmutable: false\n', 'patch.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\nimmutable: {x: ${C}}\n` }],
      ['a JSON patch without a target', { 'kustomization.yaml': `resources: [cm.yaml]\npatches:\n- patch: |\n    - op: add\n      path: /metadata/labels/x\n      value: ${C}\n`, 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n' }],
      ['a replacement into replicas', { 'kustomization.yaml': 'resources: [cm.yaml, deployment.yaml]\nreplacements:\n- source: {kind: ConfigMap, name: settings, fieldPath: metadata.annotations.x}\n  targets:\n  - select: {kind: Deployment}\n    fieldPaths: [spec.replicas]\n', 'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, annotations: {x: ${C}}}\n`, 'deployment.yaml': DEPLOYMENT }],
    ];
    for (const [what, files] of controls) {
      const r = await runCli(['check', '.'], { cwd: tempTree(files) });
      expect(leakIn(r.stdout, C), `${what}: the control should quote the value\n${r.stdout}`).toBeDefined();
    }
  });
});

describe('kubeproof render --redact-secrets', () => {
  const files = {
    'kustomization.yaml': `resources: [secret.yaml, cm.yaml]\nsecretGenerator:\n- name: generated\n  literals: [password=${S}, long=${S.repeat(8)}]\n  files: [cert.pem]\n  envs: [app.env]\nconfigMapGenerator:\n- name: settings\n  literals: [plain=${S3}]\n`,
    'secret.yaml': SECRET.replace('  name: creds\n', `  name: creds\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '{"data":{"token":"${b64(S)}"}}'\n    keep: me\n`),
    'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain}\ndata:\n  value: ${S3}\n`,
    'cert.pem': `-----BEGIN CERTIFICATE-----\n${S2}\n-----END CERTIFICATE-----\n`,
    'app.env': `API_KEY=${S2}\n`,
  };

  it('prints Secrets as kustomize does by default', async () => {
    const r = await runCli(['render', '.'], { cwd: tempTree(files) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(b64(S));
    expect(r.stdout).toContain(`other: ${S2}`);
    expect(r.stdout).not.toContain(REDACTED_BASE64);
  });

  it('masks every Secret value, keeps keys, names, hash suffixes and everything else', async () => {
    const dir = tempTree(files);
    const plain = await runCli(['render', '.'], { cwd: dir });
    const masked = await runCli(['render', '.', '--redact-secrets'], { cwd: dir });
    expect(masked.code).toBe(0);
    expect(masked.stderr).toBe('');
    expectNoLeak(masked.stdout, [S, S2], 'render --redact-secrets');
    const docs = (text: string) => parseManifests(text, 'out.yaml').resources.map((r) => r.object);
    const before = docs(plain.stdout);
    const after = docs(masked.stdout);
    expect(after.map((o) => `${String(o.kind)}/${String((o.metadata as { name: string }).name)}`)).toEqual(before.map((o) => `${String(o.kind)}/${String((o.metadata as { name: string }).name)}`));
    for (const [i, o] of after.entries()) {
      if (o.kind !== 'Secret') {
        expect(o).toEqual(before[i]); // ConfigMap values are not secret: untouched
        continue;
      }
      const data = (o.data ?? {}) as Record<string, string>;
      expect(Object.keys(data)).toEqual(Object.keys((before[i]!.data ?? {}) as object));
      for (const v of Object.values(data)) expect(v).toBe(REDACTED_BASE64);
      for (const v of Object.values((o.stringData ?? {}) as Record<string, string>)) expect(v).toBe(REDACTED);
    }
    const creds = after.find((o) => (o.metadata as { name: string }).name === 'creds')!;
    expect((creds.metadata as { annotations: Record<string, string> }).annotations).toEqual({ 'kubectl.kubernetes.io/last-applied-configuration': REDACTED, keep: 'me' });
    expect(masked.stdout).toContain(S3);
    expect(Buffer.from(REDACTED_BASE64, 'base64').toString()).toBe(REDACTED);
  });

  it('writes the masked output with -o, and the masked output still validates', async () => {
    const dir = tempTree(files);
    const r = await runCli(['render', '.', '--redact-secrets', '-o', 'out.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const written = fs.readFileSync(path.join(dir, 'out.yaml'), 'utf8');
    expectNoLeak(written, [S, S2], 'render --redact-secrets -o');
    const validated = await runCli(['validate', '-', '-f', 'json'], { cwd: dir, stdin: written });
    expect(JSON.parse(validated.stdout).diagnostics).toEqual([]);
    expect(validated.code).toBe(0);
  });

  it('leaves the output byte-equal to the plain render apart from the masked values', async () => {
    const dir = tempTree(files);
    const plain = (await runCli(['render', '.'], { cwd: dir })).stdout;
    const masked = (await runCli(['render', '.', '--redact-secrets'], { cwd: dir })).stdout;
    const kept = masked.split('\n').filter((l) => !l.includes(REDACTED_BASE64) && !l.includes(REDACTED));
    expect(kept.filter((l) => !plain.split('\n').includes(l))).toEqual([]);
    expect(kept.length).toBeGreaterThan(20);
  });
});
