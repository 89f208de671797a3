/**
 * Canaries for the "secrets never printed" tests: unique strings put where a secret goes,
 * then searched for in everything kubeproof printed or wrote. A leak is any 8 characters in a
 * row of the canary, of its base64, or of its base64 without padding: a message that quotes
 * part of a value (an escape sequence, a cut value, a wrapped base64 line) leaks too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { runCli } from '../helpers.js';

const WINDOW = 8;

/** A deterministic unique canary per name: letters and digits only, so YAML takes it as it is. */
export function canary(name: string): string {
  return 'Kq' + createHash('sha256').update(name).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 18);
}

/** Digits only, for a Secret value YAML reads as a number. */
export function digitCanary(name: string): string {
  return '7' + BigInt('0x' + createHash('sha256').update(name).digest('hex').slice(0, 15)).toString().slice(0, 14);
}

export const b64 = (s: string) => Buffer.from(s).toString('base64');

/** The first form of `secret` found in `text`, as "what: fragment"; undefined when none is. */
export function leakIn(text: string, secret: string): string | undefined {
  const forms = { value: secret, base64: b64(secret), 'base64 unpadded': b64(secret).replace(/=+$/, '') };
  for (const [what, form] of Object.entries(forms)) {
    if (form.length < WINDOW) {
      if (text.includes(form)) return `${what}: ${form}`;
      continue;
    }
    for (let i = 0; i + WINDOW <= form.length; i++) {
      const fragment = form.slice(i, i + WINDOW);
      if (text.includes(fragment)) return `${what}: ${fragment}`;
    }
  }
  return undefined;
}

export function expectNoLeak(text: string, secrets: readonly string[], where: string): void {
  for (const secret of secrets) {
    const leak = leakIn(text, secret);
    expect(leak, `${where} leaks ${secret} (${leak})\n--- output ---\n${text}`).toBeUndefined();
  }
}

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'html'] as const;

export interface Outputs {
  /** Everything printed and written, by label: `sarif stdout`, `junit -o file`... */
  texts: Record<string, string>;
  /** Every run's exit code, by format. */
  codes: Record<string, number>;
}

/**
 * Runs `kubeproof <args>` in `cwd` once per output format, always with --debug, then once more
 * writing the report with -o: everything each run printed or wrote, for the leak check.
 */
export async function inEveryFormat(args: readonly string[], cwd: string, stdin?: string): Promise<Outputs> {
  const out: Outputs = { texts: {}, codes: {} };
  for (const format of FORMATS) {
    const r = await runCli([...args, '--debug', '-f', format], { cwd, stdin });
    out.texts[`${format} stdout`] = r.stdout;
    out.texts[`${format} stderr`] = r.stderr;
    out.codes[format] = r.code;
  }
  const file = path.join(cwd, 'report.out');
  for (const format of ['json', 'sarif'] as const) {
    const r = await runCli([...args, '--debug', '-f', format, '-o', file], { cwd, stdin });
    out.texts[`${format} -o stdout`] = r.stdout + r.stderr;
    out.texts[`${format} -o file`] = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    fs.rmSync(file, { force: true });
  }
  return out;
}

export function expectNoLeakIn(outputs: Outputs, secrets: readonly string[]): void {
  for (const [where, text] of Object.entries(outputs.texts)) expectNoLeak(text, secrets, where);
}
