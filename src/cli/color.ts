/**
 * Whether the text report is coloured, by the conventions a terminal user expects:
 * 1. `--color` / `--no-color` on the command line win (no-color.org: "per-instance command-line
 *    arguments should override $NO_COLOR");
 * 2. FORCE_COLOR set and not empty: colour, even into a pipe (force-color.org), except `0` and
 *    `false`, which mean none as Node's own tty.getColorDepth() reads them; FORCE_COLOR is read
 *    before NO_COLOR, as Node reads it;
 * 3. NO_COLOR set and not empty: no colour (no-color.org);
 * 4. otherwise colour only on a terminal that is not TERM=dumb.
 * Colour is for a person reading standard output: a report written to a file is plain unless
 * `--color` asks for colour there too.
 */
export interface ColorInputs {
  /** --color (true), --no-color (false), or neither (undefined). */
  flag: boolean | undefined;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

export function wantColor(inputs: ColorInputs, toFile = false): boolean {
  // isTTY is read last, and only when it decides: the CLI's is a getter that makes process.stdout.
  const { flag, env } = inputs;
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return inputs.isTTY && env.TERM !== 'dumb';
}
