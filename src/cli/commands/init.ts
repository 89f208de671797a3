/** `kubeproof init`: writes a commented kubeproof.yaml to start from. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { starterConfig } from '../../config/index.js';
import { KubeproofError } from '../../core/index.js';
import { DEFAULT_KUBERNETES_VERSION } from '../../schema/index.js';
import type { CliIo } from '../io.js';

export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('write a commented kubeproof.yaml in the working directory')
    .option('--force', 'overwrite an existing kubeproof.yaml')
    .action((opts: { force?: boolean }) => {
      const file = path.join(io.cwd, 'kubeproof.yaml');
      if (fs.existsSync(file) && !opts.force) throw new KubeproofError('USAGE', 'kubeproof.yaml already exists; use --force to overwrite it');
      fs.writeFileSync(file, starterConfig({ kubernetesVersion: DEFAULT_KUBERNETES_VERSION }));
      io.stdout('wrote kubeproof.yaml\n');
    });
}
