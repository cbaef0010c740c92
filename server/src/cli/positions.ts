// Offsets → 1-based lines and columns, per file, for reporters.
import { LineIndex } from '../engine/text/lineIndex.js';
import type { Span } from '../engine/types.js';

export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class Positions {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly textOf: (file: string) => string | undefined) {}

  region(file: string, span: Span): Region {
    let index = this.indexes.get(file);
    if (!index) {
      index = new LineIndex(this.textOf(file) ?? '');
      this.indexes.set(file, index);
    }
    const start = index.positionAt(span.start);
    const end = index.positionAt(Math.max(span.start, span.end));
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  }
}
