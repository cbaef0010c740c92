// Markdown (with YAML front matter) parsed by micromark/mdast. Everything
// downstream works on this tree, never on the raw text's structure.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Root, Yaml } from 'mdast';
import type { Span } from '../types.js';

export interface ParsedMarkdown {
  tree: Root;
  /** The YAML front matter's content and where that content starts in the file. */
  frontMatter?: { text: string; span: Span };
  /** Where the body starts: after the closing front-matter fence, or 0. */
  bodyStart: number;
}

export function parseMarkdown(text: string): ParsedMarkdown {
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
  });
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  if (!yaml?.position) return { tree, bodyStart: 0 };
  // The node covers the fences; the content starts after the first line break.
  const nodeStart = yaml.position.start.offset ?? 0;
  const nodeEnd = yaml.position.end.offset ?? nodeStart;
  const contentStart = text.indexOf('\n', nodeStart) + 1;
  const contentEnd = Math.max(contentStart, contentStart + yaml.value.length);
  return { tree, frontMatter: { text: text.slice(contentStart, Math.min(contentEnd, nodeEnd)), span: { start: contentStart, end: contentEnd } }, bodyStart: nodeEnd };
}
