/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input; may stop reading one byte past `maxBytes` (--max-file-size). */
  readStdin: (maxBytes?: number) => Uint8Array;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour is only for terminals). */
  stdoutIsTTY: boolean;
}
