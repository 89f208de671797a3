/** `kubeproof lsp`: the language server, for editors (diagnostics on open, change and save). */
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { collect } from '../options.js';

export function registerLsp(program: Command, io: CliIo): void {
  program
    .command('lsp')
    .description('run the Language Server (LSP) on standard input and output: editors show kubeproof\'s findings as you type and save')
    .option('--stdio', 'talk LSP over standard input and output (the only transport; accepted because editors pass it)')
    // Some clients pass their process id; the protocol library reads it itself, to exit when the editor is gone.
    .addOption(new Option('--clientProcessId <pid>', "the editor's process id").hideHelp())
    .option('--crds <path>', 'CustomResourceDefinitions or CRDs-catalog JSON Schemas outside the workspace, file or directory, for validation, completion and hover (as check --crds); repeatable', collect, [])
    .action(async (opts: { crds: string[] }) => {
      // Loaded only for this command: the protocol library and the server stay out of every other run's start-up.
      const { startServer } = await import('../../lsp/server.js');
      // Standard output is the protocol from here on; only standard error is free for people.
      if (io.stdoutIsTTY) io.stderr('kubeproof lsp: speaking the Language Server Protocol on stdin/stdout (start it from an editor)\n');
      startServer({ input: process.stdin, output: process.stdout }, { crdPaths: opts.crds.map((p) => path.resolve(io.cwd, p)) });
    });
}
