// Model references in JSON config files (`config.json`, `adapter_config.json`,
// `*.config.json`), parsed with jsonc-parser: string values of model keys
// (`model`, `model_name`, `base_model`, `base_model_name_or_path`…).
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { SourceFile } from '../types.js';
import { shallowNesting } from '../text/shallowNesting.js';
import { isKnownOllamaName } from './modelLicense.js';
import { isModelKey, referenceName } from './modelReference.js';
import type { Found } from './commandArguments.js';

export function jsonModelReferences(file: SourceFile): { found: Found[] } {
  const found: Found[] = [];
  const root = parseTree(shallowNesting(file.text, 'json'), [], { allowTrailingComma: true });
  const visit = (node: JsonNode | undefined, path: string[], list: JsonNode | undefined, depth: number) => {
    if (!node || depth > 64) return;
    if (node.type === 'array') {
      for (const child of node.children ?? []) visit(child, path, node, depth + 1);
      return;
    }
    if (node.type !== 'object') return;
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      if (valueNode.type === 'string' && isModelKey(key)) {
        const raw = file.text.slice(valueNode.offset + 1, valueNode.offset + valueNode.length - 1);
        // an escape makes value offsets differ from the text's: not a model name anyway
        if (raw !== valueNode.value) continue;
        const named = referenceName(raw.trim(), isKnownOllamaName);
        if (!named) continue;
        const start = valueNode.offset + 1 + (raw.length - raw.trimStart().length) + named.offset;
        found.push({ reference: { file: file.path, span: { start, end: start + named.name.length }, name: named.name, kind: named.kind, via: `\`${[...path, key].join('.')}\`` }, list });
      } else {
        visit(valueNode, [...path, key], list, depth + 1);
      }
    }
  };
  visit(root, [], undefined, 0);
  return { found };
}
