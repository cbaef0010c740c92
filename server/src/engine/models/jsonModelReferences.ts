// Model references in JSON config files (`config.json`, `adapter_config.json`,
// `*.config.json`), parsed with jsonc-parser: string values of model keys
// (`model`, `model_name`, `base_model`, `base_model_name_or_path`…).
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { SourceFile } from '../types.js';
import { shallowNesting } from '../text/shallowNesting.js';
import { isKnownOllamaName } from './modelLicense.js';
import { isModelKey, isModelUrl, referenceName } from './modelReference.js';
import type { Found } from './commandArguments.js';
import { gate, isSwitchKey, switchValue, type Switch } from './providerSections.js';

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
      if (valueNode.type === 'string' && (isModelKey(key) || isModelUrl(key, String(valueNode.value)))) {
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
  if (root?.type === 'object' && found.length > 0) gateProviderSections(root, found);
  return { found };
}

/** Marks the references in provider sections that the file's `mode`/`provider` switch does not select (providerSections.ts). */
function gateProviderSections(root: JsonNode, found: Found[]): void {
  const switches: Switch[] = [];
  const sections: { name: string; start: number; end: number }[] = [];
  const pairs = (node: JsonNode) => (node.children ?? []).flatMap((property) => {
    const [keyNode, valueNode] = property.children ?? [];
    return keyNode && valueNode && typeof keyNode.value === 'string' ? [{ key: keyNode.value, value: valueNode }] : [];
  });
  const addSwitch = (key: string, value: JsonNode, at: string) => {
    if (value.type === 'string' && isSwitchKey(key)) switches.push({ key: at, value: switchValue(String(value.value)) });
  };
  for (const { key, value } of pairs(root)) {
    addSwitch(key, value, key);
    if (value.type !== 'object') continue;
    sections.push({ name: key, start: value.offset, end: value.offset + value.length });
    for (const inner of pairs(value)) addSwitch(inner.key, inner.value, `${key}.${inner.key}`);
  }
  const because = gate(switches, sections.map((section) => section.name));
  for (const entry of found) {
    const option = because(sections.find(({ start, end }) => entry.reference.span.start >= start && entry.reference.span.start < end)?.name);
    if (option) entry.option = option;
  }
}
