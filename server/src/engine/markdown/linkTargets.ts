// Where a Markdown document links to (Markdown links, definitions, HTML <a href>), with the link's range.
import { Parser } from 'htmlparser2';
import type { Nodes, Root } from 'mdast';
import type { Span } from '../types.js';

export interface LinkTarget {
  url: string;
  span: Span;
}

export function linkTargets(tree: Root): LinkTarget[] {
  const links: LinkTarget[] = [];
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset ?? 0;
    if (node.type === 'link' || node.type === 'definition') links.push({ url: node.url, span: { start, end: node.position?.end.offset ?? start } });
    else if (node.type === 'html') {
      const parser: Parser = new Parser({
        onopentag: (name, attributes) => {
          if (name === 'a' && attributes.href) links.push({ url: attributes.href, span: { start: start + parser.startIndex, end: start + parser.endIndex + 1 } });
        },
      }, { lowerCaseTags: true });
      parser.write(node.value);
      parser.end();
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return links;
}
