import { defineConfig } from 'vitest/config';

/**
 * Files that need a fresh module graph of their own: they mock modules (vi.mock applies only to a
 * graph that has not loaded them yet) or depend on process-wide state starting empty (the Secret
 * values core/redact.ts remembers for the life of a process).
 */
const ISOLATED = ['test/security/**/*.test.ts', 'test/cli/internal-error.test.ts', 'test/lsp/**/*.test.ts'];

export default defineConfig({
  test: {
    // The CLI end-to-end tests spawn node; give the 2-core CI machine room.
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
      // The rest share each worker's module graph: re-importing the sources for every file was
      // about half of `npm test`'s time on 2 cores.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
