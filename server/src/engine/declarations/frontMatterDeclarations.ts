// Model-card front matter (Hugging Face metadata): `license`, `license_name`,
// `license_link`, `base_model`, `datasets`.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { scalarText, yamlValueRange } from './yamlRanges.js';
import type { Span } from '../types.js';
import { shallowYaml } from '../text/shallowNesting.js';
import { resolveHubValue } from '../licenses/resolveLicense.js';
import { emptyDeclarations, makeDeclaration, problemSpan, type FileDeclarations } from './declarationTypes.js';

export interface FrontMatterFacts extends FileDeclarations {
  baseModels: { name: string; span: Span }[];
  datasets: string[];
}

export function frontMatterDeclarations(file: string, frontMatter: { text: string; span: Span }): FrontMatterFacts {
  const result: FrontMatterFacts = { ...emptyDeclarations(), baseModels: [], datasets: [] };
  // nesting deeper than any field read here is blanked (offsets unchanged): the parser recurses
  const document = parseDocument(shallowYaml(frontMatter.text), { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const { start, end } = problemSpan(frontMatter.text, error.pos[0] ?? 0);
    result.problems.push({ file, span: { start: frontMatter.span.start + start, end: frontMatter.span.start + end }, message: `${file}: the front matter is not valid YAML (${error.message.split('\n')[0]}); its license fields were not read` });
    return result;
  }
  const root = document.contents;
  if (!isMap(root)) return result;
  const get = (key: string): YamlNode | undefined => root.get(key, true);
  const spanOf = (node: YamlNode): Span => {
    const [start, end] = yamlValueRange(node);
    return { start: frontMatter.span.start + start, end: frontMatter.span.start + end };
  };
  const scalars = (node: YamlNode | undefined): YamlNode[] =>
    isScalar(node) ? [node] : isSeq(node) ? (node.items as YamlNode[]).filter((item) => isScalar(item)) : [];
  const licenseName = scalars(get('license_name'))[0];
  const licenseNameValue = scalarText(licenseName);
  for (const license of scalars(get('license'))) {
    const raw = scalarText(license);
    if (raw === undefined) continue;
    result.declarations.push(makeDeclaration(resolveHubValue(raw, licenseNameValue), {
      source: 'front-matter', file, span: spanOf(license), raw, label: 'front matter `license`', strictSpdx: false,
    }));
  }
  for (const base of scalars(get('base_model'))) {
    const name = scalarText(base);
    if (name !== undefined) result.baseModels.push({ name, span: spanOf(base) });
  }
  for (const dataset of scalars(get('datasets'))) {
    const name = scalarText(dataset);
    if (name !== undefined) result.datasets.push(name);
  }
  return result;
}
