// Full garbage collections on demand, when the process was started with
// --expose-gc (the language server is: protocol.ts serverNodeFlags; the flag
// reaches its worker threads too). A long audit makes garbage faster than V8
// collects it by default, and V8 lets the heap grow to hundreds of MB before
// it does: a full collection each time the heap has grown by a step keeps
// resident memory near what is alive, for a pause of tens of milliseconds.
// Without the flag, nothing is done.

/** V8's full collection, when the process was started with --expose-gc. */
export function fullCollection(): (() => void) | undefined {
  const gc: unknown = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
}

/**
 * A function to call after each piece of work: it collects once the heap has
 * grown by `stepBytes` since the last collection, and says whether it did.
 */
export function collectOnGrowth(stepBytes: number): () => boolean {
  const collect = fullCollection();
  if (!collect) return () => false;
  let afterLast = process.memoryUsage().heapUsed;
  return () => {
    if (process.memoryUsage().heapUsed - afterLast < stepBytes) return false;
    collect();
    afterLast = process.memoryUsage().heapUsed;
    return true;
  };
}
