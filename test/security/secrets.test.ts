/**
 * Secrets never printed: a Secret's data and stringData values reach no output. Each case puts
 * canaries where secret values go, makes kubeproof report on that very Secret (schema errors
 * on its fields, YAML problems inside it, rules about it), and looks for the canaries in every
 * output format, with --debug, on stdout, stderr and the file written with -o; then through
 * the library's check() and validate(). The controls show the same problem in a ConfigMap
 * quotes its value: it is redaction that keeps the Secret's out, not a message that happens
 * not to quote.
 */
import { describe, expect, it } from 'vitest';
import { check, validate } from '../../src/index.js';
import { runCli, tempTree } from '../helpers.js';
import { b64, canary, digitCanary, expectNoLeak, expectNoLeakIn, inEveryFormat, leakIn } from './canary.js';

const S = canary('secrets/S');
const S2 = canary('secrets/S2');
const PIN = digitCanary('secrets/PIN');

const secret = (body: string, name = 'creds') => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ntype: Opaque\n${body}`;

interface Case {
  name: string;
  files: Record<string, string>;
  secrets: string[];
  /** Fragments the text report must hold: proof that the path was taken. */
  shows: string[];
  command?: 'validate' | 'check';
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        env:
        - name: TOKEN
          valueFrom: {secretKeyRef: {name: creds, key: token}}
        - name: TOKEN
          valueFrom: {secretKeyRef: {name: creds, key: missing}}
        - name: PIN
          valueFrom: {secretKeyRef: {name: creds, key: pin}}
`;

const LAST_APPLIED = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { token: b64(S) }, stringData: { other: S2 } });

const cases: Case[] = [
  { name: 'a data value that is not base64', files: { 's.yaml': secret(`data:\n  token: "${S}!"\n`) }, secrets: [S], shows: ['data.token: Invalid value: "<redacted>": must be base64-encoded'] },
  { name: 'a stringData value YAML reads as a number', files: { 's.yaml': secret(`stringData:\n  pin: ${PIN}\n`) }, secrets: [PIN], shows: ['stringData.pin: Invalid value: "<redacted>": must be a string'] },
  { name: 'a stringData value that is a map', files: { 's.yaml': secret(`stringData:\n  cfg: {inner: ${S}, more: ${S2}}\n`) }, secrets: [S, S2], shows: ['stringData.cfg: Invalid value: "<redacted>"'] },
  { name: 'a stringData value that is a list', files: { 's.yaml': secret(`stringData:\n  list: [${S}, ${S2}]\n`) }, secrets: [S, S2], shows: ['stringData.list: Invalid value: "<redacted>"'] },
  { name: 'data that is a string, not a map', files: { 's.yaml': secret(`data: ${S}\n`) }, secrets: [S], shows: ['data: Invalid value: "<redacted>": must be an object'] },
  { name: 'stringData that is a list', files: { 's.yaml': secret(`stringData: [${S}]\n`) }, secrets: [S], shows: ['stringData: Invalid value: "<redacted>"'] },
  {
    name: 'an unknown field next to data, and a wrong type at the top',
    files: { 's.yaml': secret(`data:\n  token: ${b64(S)}\nstringData:\n  other: ${S2}\ndatta: {x: y}\nimmutable: "yes"\n`) },
    secrets: [S, S2],
    shows: ['unknown field "datta" (did you mean "data"?)', 'immutable: Invalid value: "yes"'],
  },
  { name: 'invalid data keys', files: { 's.yaml': secret(`data:\n  "bad key!": ${b64(S)}\n  "../up": ${b64(S2)}\n  ok: "${S}#"\n`) }, secrets: [S, S2], shows: ['<redacted>'] },
  {
    name: 'the last-applied-configuration annotation, next to a bad annotation key',
    files: { 's.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '${LAST_APPLIED}'\n    "bad key!": x\n  labels: {ok: "yes"}\ndata:\n  token: ${b64(S)}\nstringData:\n  other: ${S2}\nkind2: x\n` },
    secrets: [S, S2],
    shows: ['invalid-annotation', 'unknown field "kind2"'],
  },
  { name: 'a repeated data key', files: { 's.yaml': secret(`data:\n  token: ${b64(S)}\n  token: ${b64(S2)}\n`) }, secrets: [S, S2], shows: ['duplicate key "token"'] },
  { name: 'a value YAML reads as a tag (a password starting with !)', files: { 's.yaml': secret(`stringData:\n  password: !${S} rest\n`) }, secrets: [S], shows: ['Unresolved tag: <redacted>'] },
  { name: 'a bad escape in a double-quoted value', files: { 's.yaml': secret(`stringData:\n  password: "\\U${S}"\n`) }, secrets: [S], shows: ['Invalid escape sequence <redacted>'] },
  { name: 'a block scalar header with extra characters', files: { 's.yaml': secret(`stringData:\n  password: |${S}\n    rest\n`) }, secrets: [S], shows: ['Block scalar header includes extra characters: <redacted>'] },
  { name: 'a value YAML reads as an alias (a password starting with *)', files: { 's.yaml': secret(`stringData:\n  password: *${S}\n`) }, secrets: [S], shows: ['Unresolved alias (the anchor must be set before the alias): <redacted>'] },
  { name: 'an unclosed quote', files: { 's.yaml': secret(`stringData:\n  password: "${S}\n  other: ${S2}\n`) }, secrets: [S, S2], shows: ['yaml-syntax'] },
  { name: 'a value with `: ` in it (a password holding a colon)', files: { 's.yaml': secret(`stringData:\n  password: ${S}: ${S2}\n`) }, secrets: [S, S2], shows: ['the value of <redacted> holds a colon followed by a space'] },
  { name: 'a value over two lines, the second indented like a key', files: { 's.yaml': secret(`stringData:\n  password: ${S}\n    ${S2}: x\n`) }, secrets: [S, S2], shows: ['<redacted> is indented more than <redacted>'] },
  { name: 'a value line without a colon among the keys', files: { 's.yaml': secret(`stringData:\n  password: x\n  ${S} ${S2}\n`) }, secrets: [S, S2], shows: ['<redacted> has no colon'] },
  { name: 'kind after the broken value', files: { 's.yaml': `apiVersion: v1\nmetadata: {name: creds}\nstringData:\n  password: "\\U${S}"\nkind: Secret\n` }, secrets: [S], shows: ['Invalid escape sequence <redacted>'] },
  {
    name: 'Secrets inside a List',
    files: { 'list.yaml': `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: a}\n  data: {token: "${S}!"}\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: b}\n  stringData: {pin: ${PIN}}\n` },
    secrets: [S, PIN],
    shows: ['data.token: Invalid value: "<redacted>"', 'stringData.pin: Invalid value: "<redacted>"'],
  },
  {
    name: 'a YAML problem in a Secret inside a List',
    files: { 'list.yaml': `apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: a}\n  stringData: {password: "\\U${S}"}\n` },
    secrets: [S],
    shows: ['Invalid escape sequence <redacted>'],
  },
  {
    name: 'rules about a Secret and the workloads that read it',
    command: 'check',
    files: { 's.yaml': secret(`data:\n  token: ${b64(S)}\nstringData:\n  pin: "${PIN}"\n`), 'd.yaml': DEPLOYMENT },
    secrets: [S, PIN],
    shows: ['missing-secret-key', 'duplicate-env'],
  },
];

describe('Secret values never reach any output', () => {
  for (const c of cases) {
    it(`${c.name}: in every format, with --debug and -o, through check() and validate()`, async () => {
      const dir = tempTree(c.files);
      const command = c.command ?? 'validate';
      const outputs = await inEveryFormat([command, '.', '--totals'], dir);
      expectNoLeakIn(outputs, c.secrets);
      for (const shown of c.shows) expect(outputs.texts['text stdout']).toContain(shown);

      for (const run of [validate, check]) {
        const result = run(['.'], { cwd: dir, totals: true });
        expectNoLeak(JSON.stringify({ diagnostics: result.diagnostics, totals: result.totals ?? null, errors: result.errors.map((e) => e.message) }), c.secrets, `${run.name}()`);
      }
    });
  }

  it('on standard input too', async () => {
    const text = secret(`data:\n  token: "${S}!"\nstringData:\n  pin: ${PIN}\n  bad: !${S2} x\n`);
    const outputs = await inEveryFormat(['validate', '-', '--stdin-filename', 'secret.yaml'], tempTree(), text);
    expectNoLeakIn(outputs, [S, S2, PIN]);
    expect(outputs.texts['text stdout']).toContain('secret.yaml');
  });

  it('in the dry-run scheduler\'s report', async () => {
    const dir = tempTree({
      's.yaml': secret(`data:\n  token: "${S}!"\n`),
      'd.yaml': DEPLOYMENT.replace('replicas: 1', 'replicas: 3').replace('image: nginx:1.27', 'image: nginx:1.27\n        resources: {requests: {cpu: "3"}}'),
      'nodes/n.yaml': 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus:\n  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}\n',
    });
    for (const format of ['text', 'json', 'sarif']) {
      const r = await runCli(['schedule', 's.yaml', 'd.yaml', '--nodes', 'nodes', '--debug', '-f', format], { cwd: dir });
      expectNoLeak(r.stdout + r.stderr, [S], `schedule -f ${format}`);
      expect(r.stdout + r.stderr).toMatch(/redacted|pending|unschedulable/i);
    }
    const checked = await runCli(['check', 's.yaml', 'd.yaml', '--nodes', 'nodes', '--debug', '-f', 'json'], { cwd: dir });
    expectNoLeak(checked.stdout + checked.stderr, [S], 'check --nodes');
  });

  it('in the value a message would quote for the same problem elsewhere: the controls', async () => {
    // The same mistakes outside a Secret are quoted: what keeps the cases above clean is redaction.
    // (A canary of its own: a value once met in a Secret is scrubbed from every later message.)
    const C = canary('secrets/control');
    const configMap = (body: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n${body}`;
    const controls: [string, string][] = [
      ['binaryData that is not base64', configMap(`binaryData:\n  token: "${C}!"\n`)],
      ['a tag', configMap(`data:\n  password: !${C} rest\n`)],
      ['a bad escape', configMap(`data:\n  password: "\\U${C}"\n`)],
      ['a block scalar header', configMap(`data:\n  password: |${C}\n    rest\n`)],
      ['an alias', configMap(`data:\n  password: *${C}\n`)],
      ['a value of the wrong type', configMap(`data:\n  cfg: {inner: ${C}}\n`)],
    ];
    for (const [what, text] of controls) {
      const r = await runCli(['validate', '.'], { cwd: tempTree({ 'cm.yaml': text }) });
      expect(leakIn(r.stdout, C), `${what}: the control should quote the value\n${r.stdout}`).toBeDefined();
    }
  });
});
