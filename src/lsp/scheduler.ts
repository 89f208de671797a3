/**
 * When documents are checked: at once on open and save; on an edit, at once too when the
 * document was idle, and only during a burst of edits (each within the coalescing delay of the
 * one before) after the delay has passed without another edit, so that a burst costs one check
 * at its end. "At once" is the next turn of the event loop, after the message that asked; a
 * check whose document has a newer edit waiting by then is dropped by the caller (arrivals.ts),
 * and so is one still running when the newer edit is read.
 * Never after shutdown.
 */
export class CheckScheduler {
  private readonly timers = new Map<string, { cancel(): void }>();
  /** When each document was last edited (performance.now()), to tell a burst from a single edit. */
  private readonly lastEdit = new Map<string, number>();
  private disposed = false;

  constructor(
    private readonly run: (uri: string) => void,
    private readonly delayMs: () => number,
    private readonly now_: () => number = () => performance.now(),
  ) {}

  /** An edit: check at once when the document was idle, else once the burst pauses for the delay. */
  later(uri: string): void {
    if (this.disposed) return;
    this.cancel(uri);
    const delay = this.delayMs();
    const at = this.now_();
    const previous = this.lastEdit.get(uri);
    this.lastEdit.set(uri, at);
    const inBurst = previous !== undefined && at - previous < delay;
    if (inBurst) {
      const timer = setTimeout(() => this.fire(uri), delay);
      this.timers.set(uri, { cancel: () => clearTimeout(timer) });
    } else {
      const immediate = setImmediate(() => this.fire(uri));
      this.timers.set(uri, { cancel: () => clearImmediate(immediate) });
    }
  }

  /** Check now; a pending check of the same document is superseded. */
  now(uri: string): void {
    if (this.disposed) return;
    this.cancel(uri);
    this.run(uri);
  }

  cancel(uri: string): void {
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
  }

  /** The document is closed: its next edit (after a reopen) is a first one. */
  forget(uri: string): void {
    this.cancel(uri);
    this.lastEdit.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private fire(uri: string): void {
    this.timers.delete(uri);
    this.run(uri);
  }
}
