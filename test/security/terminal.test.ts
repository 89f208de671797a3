/**
 * No terminal injection (issue 15): escape sequences and control characters written in
 * manifest keys, values and file names reach the screen as visible escapes, in every format a
 * terminal or a CI log shows (text with and without colour, GitHub annotations, JUnit, the
 * schedule's table, error lines on standard error).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeTerminal } from '../../src/core/index.js';
import { runCli, tempTree } from '../helpers.js';

// ESC [2J (clear screen), an OSC title change ending in BEL, CR (overwrite the line), 8-bit CSI, a right-to-left override.
const HOSTILE = ['\u001b[2J', '\u001b]0;pwned\u0007', '\r', '\u009b31m', '\u202e'];
const PAYLOAD = HOSTILE.join('x');

/** Control characters left in output, once our own colour codes (SGR) are taken out. */
function raw(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[\d+m/g, '').matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => m[0]);
}

function manifests(): string {
  return tempTree({
    'app.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  replicas: 1',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      `      containers: [{name: c, image: ${JSON.stringify(`nginx${PAYLOAD}:latest`)}}]`,
      `${JSON.stringify(`bogus${PAYLOAD}`)}: 1`,
      '',
    ].join('\n'),
    [`odd${'\u001b[2J'}.yaml`]: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nzzz: 1\n',
    'nodes.yaml': 'apiVersion: kubeproof.dev/v1alpha1\nkind: NodePool\nmetadata: {name: small}\nspec: {count: 1, allocatable: {cpu: "1", memory: 1Gi}}\n',
  });
}

describe('terminal injection', () => {
  it('escapes as Go %q does, keeping a newline only when asked', () => {
    expect(escapeTerminal('a\u001b[2Jb\rc\td\u009b\u202e\ne')).toBe('a\\x1b[2Jb\\rc\\td\\x9b\\u202e\\ne');
    expect(escapeTerminal('line\nnext\u0007', { keepNewlines: true })).toBe('line\nnext\\x07');
    expect(escapeTerminal('plain ünïcödé ✔')).toBe('plain ünïcödé ✔');
  });

  for (const [format, extra] of [['text', []], ['text', ['--color']], ['github', []], ['junit', []]] as const) {
    it(`check -f ${format} ${extra.join(' ')}: every hostile character visible, none raw`, async () => {
      const dir = manifests();
      const r = await runCli(['check', '.', '--no-config', '-f', format, ...extra], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('bogus\\x1b[2Jx\\x1b]0;pwned\\x07x\\rx\\x9b31mx\\u202e');
      expect(raw(r.stdout)).toEqual([]);
      expect(raw(r.stderr)).toEqual([]);
      expect(r.stdout).toContain('odd\\x1b[2J.yaml');
    });
  }

  it('schedule: the placement table and its problems', async () => {
    const dir = manifests();
    fs.writeFileSync(path.join(dir, 'app.yaml'), fs.readFileSync(path.join(dir, 'app.yaml'), 'utf8').replace('metadata: {name: web}', `metadata: {name: ${JSON.stringify(`web${PAYLOAD}`)}}`));
    const r = await runCli(['schedule', 'app.yaml', '--nodes', 'nodes.yaml', '--no-config'], { cwd: dir });
    expect(r.stdout).toContain('web\\x1b[2J');
    expect(raw(r.stdout)).toEqual([]);
  });

  it('error lines on standard error', async () => {
    const dir = manifests();
    const r = await runCli(['validate', `missing${PAYLOAD}.yaml`, 'app.yaml', '--no-config'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing\\x1b[2J');
    expect(raw(r.stderr)).toEqual([]);
  });
});
