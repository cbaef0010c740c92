// Offsets → 1-based lines and columns, per file, for reporters.
import { FileRanges } from '../engine/text/lineIndex.js';
import type { Span } from '../engine/types.js';

export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class Positions {
  private readonly ranges: FileRanges;

  /** From the files' texts, or from line indexes already built (the server's diagnostics use the same). */
  constructor(source: ((file: string) => string | undefined) | FileRanges) {
    this.ranges = source instanceof FileRanges ? source : new FileRanges(source);
  }

  region(file: string, span: Span): Region {
    const { start, end } = this.ranges.range(file, span);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  }
}
