import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers.js';

vi.mock('../../src/api/validate.js', async (original) => ({
  ...(await original<typeof import('../../src/api/validate.js')>()),
  validate: () => {
    throw new TypeError('boom');
  },
}));

describe('an internal error', () => {
  it('is one line and exit code 2 without --debug', async () => {
    const r = await runCli(['validate', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kubeproof: internal error: boom\nkubeproof: run again with --debug for details, and please report it\n');
  });

  it('shows the stack with --debug', async () => {
    const r = await runCli(['validate', 'x.yaml', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kubeproof: internal error: boom\nTypeError: boom\n\s+at /);
  });
});
