// The long fuzz campaign (npm run fuzz -> scripts/fuzz.mjs): only campaign.fuzz.ts, no timeout
// (the campaign keeps its own deadline; the driver watches for hangs).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/fuzz/campaign.fuzz.ts'],
    testTimeout: 0,
    hookTimeout: 0,
    pool: 'forks',
    fileParallelism: false,
  },
});
