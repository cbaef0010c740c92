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

const withFrontMatter = {
  extensions: [frontmatter(['yaml']), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
};
const bodyOnly = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/** A whole document, front matter included. */
export function parseMarkdown(text: string): ParsedMarkdown {
  return withYaml(text, fromMarkdown(text, withFrontMatter));
}

/** A piece of a document's body, parsed alone: a `---` at its start is a thematic break, never front matter. */
export function parseMarkdownBody(text: string): Root {
  return fromMarkdown(text, bodyOnly);
}

/**
 * The front matter alone: only the lines up to its closing fence are parsed,
 * so a large body costs nothing here.
 */
export function parseFrontMatter(text: string): Omit<ParsedMarkdown, 'tree'> {
  const opening = /^---[ \t]*\r?\n/u.exec(text);
  if (!opening) return { bodyStart: 0 };
  const closing = /^---[ \t]*\r?$/mu;
  const rest = text.slice(opening[0].length);
  const match = closing.exec(rest);
  if (!match) return { bodyStart: 0 };
  const end = opening[0].length + match.index + match[0].length;
  const { frontMatter, bodyStart } = parseMarkdown(text.slice(0, end));
  return frontMatter ? { frontMatter, bodyStart } : { bodyStart: 0 };
}

function withYaml(text: string, tree: Root): ParsedMarkdown {
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  if (!yaml?.position) return { tree, bodyStart: 0 };
  // The node covers the fences; the content starts after the first line break.
  const nodeStart = yaml.position.start.offset ?? 0;
  const nodeEnd = yaml.position.end.offset ?? nodeStart;
  const contentStart = text.indexOf('\n', nodeStart) + 1;
  const contentEnd = Math.max(contentStart, contentStart + yaml.value.length);
  return { tree, frontMatter: { text: text.slice(contentStart, Math.min(contentEnd, nodeEnd)), span: { start: contentStart, end: contentEnd } }, bodyStart: nodeEnd };
}
