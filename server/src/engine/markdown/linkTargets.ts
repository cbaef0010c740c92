// Where a Markdown document links to (Markdown links, definitions, HTML <a href>).
import { Parser } from 'htmlparser2';
import type { Nodes, Root } from 'mdast';

export function linkTargets(tree: Root): string[] {
  const urls: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition') urls.push(node.url);
    else if (node.type === 'html') {
      const parser = new Parser({ onopentag: (name, attributes) => { if (name === 'a' && attributes.href) urls.push(attributes.href); } }, { lowerCaseTags: true });
      parser.write(node.value);
      parser.end();
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return urls;
}
