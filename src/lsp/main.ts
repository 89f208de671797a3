/**
 * The language server alone, on standard input and output: what `kubeproof lsp --stdio` runs,
 * without the rest of the command line (the end-to-end test starts it as `node dist/lsp/main.js`).
 */
import { startServer } from './server.js';

startServer({ input: process.stdin, output: process.stdout });
