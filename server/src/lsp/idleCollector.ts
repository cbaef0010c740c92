// Memory back to the system after a burst of work. While the user types in a
// large document, every version's text and judgment become garbage at once;
// V8 collects it lazily and keeps its heap at the burst's size (hundreds of MB
// of resident memory for a 1 MB document, long after the typing stopped).
// Once the server has been idle for a moment after such a burst, one full
// collection gives that memory back. An editor's language server is idle most
// of the time, so the pause (tens of milliseconds) is never in the way. The
// collection is V8's `gc()`, there when the server is started with
// `--expose-gc` (protocol.ts serverNodeFlags: the VS Code client does);
// without it, nothing is done.
import { collectOnGrowth, fullCollection } from '../files/collector.js';

/** Idle this long after the last activity before collecting. */
const idleMs = 2000;
/** Collect only when the heap grew at least this much since the last collection. */
const growthBytes = 32 * 1024 * 1024;

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private readonly available = fullCollection() !== undefined;
  private readonly collectIfGrown = collectOnGrowth(growthBytes);

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  /** Work was done: collect once the server has been idle for a while, if the heap grew. */
  noteActivity(): void {
    if (!this.available) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const before = process.memoryUsage.rss();
      if (this.collectIfGrown()) this.log(`idle: collected garbage; resident ${Math.round(before / 1048576)} → ${Math.round(process.memoryUsage.rss() / 1048576)} MB`);
    }, idleMs);
    // a pending collection never keeps the server alive
    this.timer.unref();
  }
}
