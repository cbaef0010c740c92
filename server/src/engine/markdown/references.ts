// What a Markdown document points at: its images (badges live here) and its
// links, from Markdown syntax and from HTML (<img src>, <a href>), each with
// its source range. One walk over the tree.
import { Parser } from 'htmlparser2';
import type { Nodes, Root } from 'mdast';
import type { Span } from '../types.js';

export interface DocumentImage {
  url: string;
  alt: string;
  span: Span;
}

export interface LinkTarget {
  url: string;
  span: Span;
}

export interface DocumentReferences {
  images: DocumentImage[];
  links: LinkTarget[];
}

export function documentReferences(tree: Root): DocumentReferences {
  const references: DocumentReferences = { images: [], links: [] };
  // a node made after parsing (a GFM literal autolink, at times) has no position: it gets its parent's
  const visit = (node: Nodes, parentSpan: Span) => {
    const start = node.position?.start.offset;
    const span = start === undefined ? parentSpan : { start, end: node.position?.end.offset ?? start };
    if (node.type === 'image') references.images.push({ url: node.url, alt: node.alt ?? '', span });
    else if (node.type === 'link' || node.type === 'definition') references.links.push({ url: node.url, span });
    else if (node.type === 'html') {
      const parser: Parser = new Parser({
        onopentag(name, attributes) {
          const tagSpan = { start: span.start + parser.startIndex, end: span.start + parser.endIndex + 1 };
          if (name === 'img' && attributes.src) references.images.push({ url: attributes.src, alt: attributes.alt ?? '', span: tagSpan });
          if (name === 'a' && attributes.href) references.links.push({ url: attributes.href, span: tagSpan });
        },
      }, { decodeEntities: true, lowerCaseTags: true });
      parser.write(node.value);
      parser.end();
    }
    if ('children' in node) for (const child of node.children) visit(child, span);
  };
  visit(tree, { start: 0, end: 0 });
  return references;
}
