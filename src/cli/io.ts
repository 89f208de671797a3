/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: (limit: number) => Uint8Array;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour is only for terminals). The CLI's is a getter: read it only when writing to stdout. */
  stdoutIsTTY: boolean;
}
