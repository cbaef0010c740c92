// Markdown suppression comments, as markdownlint has them:
//   <!-- license-claims-disable-next-line [RULE …] -->
//   <!-- license-claims-disable [RULE …] --> … <!-- license-claims-enable [RULE …] -->
import { Parser } from 'htmlparser2';
import type { Nodes, Root } from 'mdast';
import { LineIndex } from './text/lineIndex.js';

interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** Empty = every rule. */
  rules: string[];
  line: number;
}

export interface Suppressions {
  isSuppressed(rule: string, offset: number): boolean;
}

const noSuppressions: Suppressions = { isSuppressed: () => false };

export interface MarkdownComment {
  text: string;
  offset: number;
}

/** The HTML comments of a parsed Markdown tree, with their source offsets. */
export function markdownComments(tree: Root): MarkdownComment[] {
  const found: MarkdownComment[] = [];
  commentsOf(tree, found);
  return found;
}

function commentsOf(node: Nodes, found: MarkdownComment[]): void {
  if (node.type === 'html') {
    const start = node.position?.start.offset ?? 0;
    const parser: Parser = new Parser({ oncomment: (data) => found.push({ text: data, offset: start + parser.startIndex }) });
    parser.write(node.value);
    parser.end();
  }
  if ('children' in node) for (const child of node.children) commentsOf(child, found);
}

export function markdownSuppressions(tree: Root, text: string): Suppressions {
  return suppressionsFromComments(markdownComments(tree), text);
}

/** The suppressions that a document's comments (in order) make. */
export function suppressionsFromComments(comments: MarkdownComment[], text: string): Suppressions {
  if (!comments.some((comment) => comment.text.includes('license-claims-'))) return noSuppressions;
  const lines = new LineIndex(text);
  const directives: Directive[] = [];
  for (const comment of comments) {
    const words = comment.text.trim().split(/\s+/u);
    const head = words[0] ?? '';
    if (!head.startsWith('license-claims-')) continue;
    const kind = head.slice('license-claims-'.length);
    if (kind !== 'disable-next-line' && kind !== 'disable' && kind !== 'enable') continue;
    directives.push({ kind, rules: words.slice(1), line: lines.positionAt(comment.offset).line });
  }
  if (directives.length === 0) return noSuppressions;
  const endLineOf = (offset: number) => lines.positionAt(offset).line;
  return {
    isSuppressed(rule, offset) {
      const line = endLineOf(offset);
      const applies = (directive: Directive) => directive.rules.length === 0 || directive.rules.includes(rule);
      let disabled = false;
      for (const directive of directives) {
        if (directive.kind === 'disable-next-line') {
          if (directive.line + 1 === line && applies(directive)) return true;
          continue;
        }
        if (directive.line > line) break;
        if (applies(directive)) disabled = directive.kind === 'disable';
      }
      return disabled;
    },
  };
}
