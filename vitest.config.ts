import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI end-to-end tests spawn node; give the 2-core CI machine room.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
