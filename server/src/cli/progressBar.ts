// A progress bar on standard error, for audits that take more than a second
// on a terminal. Silent when standard error is not a TTY, in CI, or when the
// output is JSON or SARIF (machines read those).
const width = 30;

export interface Progress {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

const silent: Progress = { update: () => undefined, finish: () => undefined };

/** LICENSE_CLAIMS_PROGRESS_DELAY_MS overrides the one-second delay (tests draw the bar at once). */
export function progressBar(stream: NodeJS.WriteStream, enabled: boolean, delayMs = Number(process.env.LICENSE_CLAIMS_PROGRESS_DELAY_MS ?? 1000)): Progress {
  if (!enabled || !stream.isTTY || process.env.CI) return silent;
  const started = Date.now();
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(done, total, label) {
      const now = Date.now();
      if (now - started < delayMs || (drawn && now - lastDrawn < 100 && done < total)) return;
      lastDrawn = now;
      drawn = true;
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * width);
      const columns = stream.columns ?? 80;
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`;
      stream.write(`\r${line.slice(0, columns - 1)}\u001b[K`);
    },
    finish() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
