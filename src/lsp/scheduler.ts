/**
 * When documents are checked: at once on open and save, after a quiet spell while typing
 * (a keystroke restarts the wait, so a burst of edits costs one check), never after shutdown.
 */
export class CheckScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private disposed = false;

  constructor(
    private readonly run: (uri: string) => void,
    private readonly delayMs: () => number,
  ) {}

  /** Check after the debounce delay, unless another edit comes first. */
  later(uri: string): void {
    if (this.disposed) return;
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri);
      }, this.delayMs()),
    );
  }

  /** Check now; a pending debounced check of the same document is superseded. */
  now(uri: string): void {
    if (this.disposed) return;
    this.cancel(uri);
    this.run(uri);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }
}
