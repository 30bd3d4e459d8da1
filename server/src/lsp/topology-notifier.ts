import type { TopologyChanged } from '../protocol';

/** What the notifier reads of the workspace's topology. */
export interface TopologySource {
  /** The workspace version now. */
  version(): number;
  /** Whether the topology may differ from what it was at `since` (always true for undefined). */
  mayHaveChanged(since: number | undefined): boolean;
  /** The topology as a comparable text, and how many clusters it has. */
  snapshot(): { text: string; clusters: number };
}

export interface NotifierOptions {
  /** At most one notification in this many milliseconds. */
  intervalMs: number;
  /** True once the server received `shutdown`: nothing is sent from then on. */
  isShutDown(): boolean;
  /** A failure while computing the topology: logged, never thrown into the caller. */
  onError(error: unknown): void;
  now?: () => number;
}

/**
 * Tells the client when the CARP topology changed, so its view can ask for
 * it again. Changes are coalesced: the first one after a quiet spell is
 * looked at at once, later ones at most every `intervalMs`, so a burst of
 * keystrokes costs one look. A look rebuilds the topology only when an rc
 * or sysctl file changed (mayHaveChanged), and sends only when the result
 * differs from the last one sent; after a workspace scan it always sends.
 */
export class TopologyNotifier {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastLook = -Infinity;
  private lookedAt: number | undefined;
  private sent: string | undefined;
  private force = false;

  constructor(
    private readonly source: TopologySource,
    private readonly send: (change: TopologyChanged) => void,
    private readonly options: NotifierOptions,
  ) {}

  /** Something in the workspace changed; `scanned` when a workspace scan just finished. */
  changed(scanned = false): void {
    if (this.options.isShutDown()) return this.stop();
    this.force ||= scanned;
    if (this.timer) return;
    const wait = Math.max(0, this.lastLook + this.options.intervalMs - this.now());
    this.timer = setTimeout(() => this.look(), wait);
    // A pending look must not keep a server that was told to exit alive.
    this.timer.unref?.();
  }

  /** Drops a pending look: nothing is sent after shutdown. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private look(): void {
    this.timer = undefined;
    if (this.options.isShutDown()) return;
    this.lastLook = this.now();
    const force = this.force;
    try {
      const version = this.source.version();
      if (!force && !this.source.mayHaveChanged(this.lookedAt)) {
        this.lookedAt = version;
        return;
      }
      const { text, clusters } = this.source.snapshot();
      this.lookedAt = version;
      this.force = false;
      if (!force && text === this.sent) return;
      this.sent = text;
      this.send({ clusters });
    } catch (error) {
      this.options.onError(error);
    }
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
