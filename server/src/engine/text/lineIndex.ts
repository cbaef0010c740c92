// Offset ↔ line/column conversion, for the edges (CLI output, LSP).
export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    // a line ends at \n, \r\n or a lone \r; indexOf finds them faster than a loop over every character
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        this.starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      } else {
        const end = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        this.starts.push(end);
        if (end === cr + 2) lf = text.indexOf('\n', end);
        cr = text.indexOf('\r', end);
      }
    }
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  offsetAt(position: Position): number {
    const start = this.starts[Math.min(position.line, this.starts.length - 1)] ?? 0;
    return start + position.character;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** 0-based ranges of spans in several files, each file's LineIndex built once. */
export class FileRanges {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly textOf: (file: string) => string | undefined) {}

  range(file: string, span: { start: number; end: number }): { start: Position; end: Position } {
    let index = this.indexes.get(file);
    if (!index) {
      index = new LineIndex(this.textOf(file) ?? '');
      this.indexes.set(file, index);
    }
    return { start: index.positionAt(span.start), end: index.positionAt(Math.max(span.start, span.end)) };
  }
}
