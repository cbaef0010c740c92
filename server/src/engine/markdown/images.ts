// Images of a Markdown document (Markdown images and HTML <img> in HTML
// blocks or inline HTML), with their source range: badges live here.
import { Parser } from 'htmlparser2';
import type { Nodes, Root } from 'mdast';
import type { Span } from '../types.js';

export interface DocumentImage {
  url: string;
  alt: string;
  span: Span;
}

export function documentImages(tree: Root): DocumentImage[] {
  const images: DocumentImage[] = [];
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset ?? 0;
    if (node.type === 'image') {
      images.push({ url: node.url, alt: node.alt ?? '', span: { start, end: node.position?.end.offset ?? start } });
    } else if (node.type === 'html') {
      const parser: Parser = new Parser({
        onopentag(name, attributes) {
          if (name === 'img' && attributes.src) {
            images.push({ url: attributes.src, alt: attributes.alt ?? '', span: { start: start + parser.startIndex, end: start + parser.endIndex + 1 } });
          }
        },
      }, { decodeEntities: true, lowerCaseTags: true });
      parser.write(node.value);
      parser.end();
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return images;
}
