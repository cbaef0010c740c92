// Model references in YAML (parsed with `yaml`, with source ranges):
// KAITO Workspace/RAGEngine presets, container env (`MODEL_ID`…) and the
// `--model` arguments of vLLM/TGI/SGLang in Kubernetes manifests, Helm values,
// docker-compose files and config.yaml files (`model`, `model_name`,
// `base_model`…).
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { scalarText, yamlValueRange } from '../declarations/yamlRanges.js';
import type { SourceFile } from '../types.js';
import { shallowNesting } from '../text/shallowNesting.js';
import { isKnownOllamaName } from './modelLicense.js';
import { isModelKey, isModelUrl, referenceName, type ModelReference } from './modelReference.js';
import { argumentReferences, imageProgramName, programNames, servingCommand, type Found } from './commandArguments.js';
import { gate, isSwitchKey, switchValue, type Switch } from './providerSections.js';

/** The references of one YAML file, each with the list it sits in (a list of several models offers options). */
export function yamlModelReferences(file: SourceFile): { found: Found[] } {
  const found: Found[] = [];
  for (const document of parseAllDocuments(shallowNesting(file.text, 'yaml'), { keepSourceTokens: false, uniqueKeys: false })) {
    if (!('contents' in document) || document.errors.length > 0 || !document.contents) continue;
    const root = document.contents;
    const kind = isMap(root) ? scalarText(root.get('kind', true)) : undefined;
    const apiVersion = isMap(root) ? scalarText(root.get('apiVersion', true)) : undefined;
    const kaito = (kind === 'Workspace' || kind === 'RAGEngine') && (apiVersion ?? '').includes('kaito');
    const from = found.length;
    visit(root, [], undefined, kaito ? kind : undefined, found, file);
    if (isMap(root) && found.length > from) {
      gateProviderSections(root, found.slice(from));
      gateDisabledSections(root, found.slice(from), helmValues.test(file.path.slice(file.path.lastIndexOf('/') + 1)));
    }
  }
  return { found };
}

/** Marks the references in provider sections that the document's `mode:`/`provider:` switch does not select (providerSections.ts). */
function gateProviderSections(root: YamlNode, found: Found[]): void {
  if (!isMap(root)) return;
  const switches: Switch[] = [];
  const sections: { name: string; start: number; end: number }[] = [];
  const addSwitch = (key: string, node: unknown, at: string) => {
    const value = isScalar(node) ? scalarText(node) : undefined;
    if (value !== undefined && isSwitchKey(key)) switches.push({ key: at, value: switchValue(value) });
  };
  for (const pair of root.items) {
    const key = scalarText(pair.key as YamlNode);
    if (key === undefined) continue;
    addSwitch(key, pair.value, key);
    if (!isMap(pair.value)) continue;
    const range = (pair.value as YamlNode).range;
    if (range) sections.push({ name: key, start: range[0], end: range[2] });
    for (const inner of pair.value.items) {
      const innerKey = scalarText(inner.key as YamlNode);
      if (innerKey !== undefined) addSwitch(innerKey, inner.value, `${key}.${innerKey}`);
    }
  }
  const because = gate(switches, sections.map((section) => section.name));
  for (const entry of found) {
    const section = sections.find(({ start, end }) => entry.reference.span.start >= start && entry.reference.span.start < end)?.name;
    const option = because(section);
    if (option) entry.option = option;
  }
}

/** A Helm values file: `values.yaml`, `values-gpu.yaml`, `my.values.yaml`. */
const helmValues = /^(?:.+[-_.])?values(?:[-_.].+)?\.ya?ml$/iu;

/**
 * Marks the references in a section switched off by its own `enabled: false`
 * (PrivateGPT's `rag.rerank: {enabled: false, model: …}`): configured, not run.
 * In Helm values, a catalog whose entries are switched on one by one (KubeAI's
 * `catalog.<name>.enabled: false`, two or more entries that name models off and none on): an
 * entry that does not set `enabled` is off too (a chart's `if .enabled` reads
 * a missing value as false).
 */
function gateDisabledSections(root: YamlNode, found: Found[], helm: boolean): void {
  const off: { key: string; start: number; end: number; reason?: string }[] = [];
  const enabledValue = (node: YamlNode) => (isMap(node) ? (node.get('enabled', true) as YamlNode | undefined) : undefined);
  const isOff = (enabled: YamlNode | undefined) => isScalar(enabled) && (enabled.value === false || enabled.value === 'false');
  const namesModel = (node: YamlNode) => {
    const range = node.range;
    return !!range && found.some(({ reference }) => reference.span.start >= range[0] && reference.span.start < range[2]);
  };
  const walk = (node: YamlNode | null | undefined, path: string[]) => {
    if (isSeq(node)) {
      for (const item of node.items) walk(item as YamlNode, path);
      return;
    }
    if (!isMap(node)) return;
    const enabled = enabledValue(node);
    if (isOff(enabled) && node.range) off.push({ key: [...path, 'enabled'].join('.'), start: node.range[0], end: node.range[2] });
    if (helm) {
      const entries = node.items.filter((pair) => isPair(pair) && isMap(pair.value));
      const switches = entries.map((pair) => enabledValue(pair.value as YamlNode));
      // a catalog of models: the entries switched off name models themselves (a chart's own `ingress.enabled: false`
      // and `autoscaling.enabled: false`, as `helm create` writes them, are no catalog)
      const modelsOff = entries.filter((pair, index) => isOff(switches[index]) && namesModel(pair.value as YamlNode)).length;
      if (modelsOff >= 2 && !switches.some((value) => value !== undefined && !isOff(value))) {
        for (const pair of entries) {
          const value = pair.value as YamlNode;
          if (enabledValue(value) === undefined && value.range) {
            const key = [...path, scalarText(pair.key as YamlNode) ?? ''].join('.');
            off.push({ key, start: value.range[0], end: value.range[2], reason: `in the Helm values entry \`${key}\`, which does not set \`enabled\` while the entries beside it are switched on one by one (\`enabled: false\`): a chart's \`if .enabled\` reads it as off` });
          }
        }
      }
    }
    for (const pair of node.items) if (isPair(pair)) walk(pair.value as YamlNode, [...path, scalarText(pair.key as YamlNode) ?? '']);
  };
  walk(root, []);
  for (const entry of found) {
    const section = off.find(({ start, end }) => entry.reference.span.start >= start && entry.reference.span.start < end);
    if (section && !entry.option) entry.option = section.reason ?? `in a section switched off by \`${section.key}: false\``;
  }
}

function scalarReference(node: YamlNode, file: SourceFile, via: string): Omit<ModelReference, 'byDefault'> | undefined {
  const value = scalarText(node);
  if (value === undefined) return undefined;
  const named = referenceName(value.trim(), isKnownOllamaName);
  if (!named) return undefined;
  const [start] = yamlValueRange(node);
  return { file: file.path, span: { start: start + named.offset, end: start + named.offset + named.name.length }, name: named.name, kind: named.kind, via };
}

/** What a container's `args` are given to: the programs it runs, and whether its command ends in a `serve` that takes the model as its first argument. */
interface Container {
  programs: string[];
  /** `vllm serve` when the command is `["vllm", "serve"]` (llm-d): the first of `args`, unless a flag, is the model. */
  serves?: string;
}
const noContainer: Container = { programs: [] };

/**
 * The programs a compose service or a Kubernetes container runs: its image's
 * repository name and the program of its `entrypoint`/`command` (the `args`
 * of a container carry the model, its `command` the program).
 */
function containerPrograms(node: YamlNode): Container {
  if (!isMap(node)) return noContainer;
  const programs: string[] = [];
  let serves: string | undefined;
  const image = scalarText(node.get('image', true));
  const imageName = image === undefined ? undefined : imageProgramName(image);
  if (imageName) programs.push(imageName);
  for (const key of ['entrypoint', 'command']) {
    const value = node.get(key, true) as YamlNode | undefined;
    const words = isSeq(value) ? value.items.map((item) => scalarText(item as YamlNode) ?? '') : isScalar(value) ? [scalarText(value) ?? ''] : [];
    programs.push(...programNames(words));
    if (key === 'command') serves = servingCommand(words);
  }
  return { programs, ...(serves ? { serves } : {}) };
}

function visit(node: YamlNode | null | undefined, path: string[], list: YamlNode | undefined, kaito: string | undefined, found: Found[], file: SourceFile, runBy: Container = noContainer): void {
  if (!node) return;
  if (isSeq(node)) {
    const strings = node.items.map((item) => scalarText(item as YamlNode));
    if (strings.length > 0 && strings.every((item) => item !== undefined)) {
      // args/command lists: `--model X`, `vllm serve X`
      const key = path[path.length - 1] ?? '';
      if (/^(?:args|command|entrypoint|extraArgs)$/iu.test(key)) {
        const words = node.items.map((item) => ({ text: scalarText(item as YamlNode)!, start: yamlValueRange(item as YamlNode)[0] }));
        for (const hit of argumentReferences(words, file.path, runBy.programs, key === 'args' ? runBy.serves : undefined)) found.push({ reference: hit, list: undefined });
        return;
      }
      // compose `environment: [MODEL_ID=x]`
      for (const item of node.items) {
        const text = scalarText(item as YamlNode)!;
        const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/u.exec(text);
        if (!match || !isModelKey(match[1])) continue;
        const named = referenceName(match[2].trim(), isKnownOllamaName);
        if (!named) continue;
        const start = yamlValueRange(item as YamlNode)[0] + match[1].length + 1 + named.offset;
        found.push({ reference: { file: file.path, span: { start, end: start + named.name.length }, name: named.name, kind: named.kind, via: `\`${match[1]}\` in ${key || 'a list'}` }, list: undefined });
      }
      return;
    }
    for (const item of node.items) visit(item as YamlNode, path, node, kaito, found, file);
    return;
  }
  if (!isMap(node)) return;
  // container env: {name: MODEL_ID, value: x}
  const envName = scalarText(node.get('name', true));
  const envValue = node.get('value', true) as YamlNode | undefined;
  if (envName && envValue && isModelKey(envName) && isScalar(envValue)) {
    const reference = scalarReference(envValue, file, `container env \`${envName}\``);
    if (reference) found.push({ reference, list: undefined });
  }
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = scalarText(pair.key as YamlNode) ?? '';
    const value = pair.value as YamlNode | null;
    if (!value) continue;
    const childPath = [...path, key];
    if (kaito && key === 'name' && path[path.length - 1] === 'preset' && isScalar(value)) {
      const name = scalarText(value);
      // (a preset this release does not know is still the model the workspace runs: its license is "unknown")
      if (name) {
        const [start, end] = yamlValueRange(value);
        found.push({ reference: { file: file.path, span: { start, end }, name, kind: 'kaito-preset', via: `KAITO ${kaito} \`${childPath.join('.')}\`` }, list: undefined, always: true });
      }
      continue;
    }
    if (isScalar(value)) {
      if (isModelKey(key) || isModelUrl(key, scalarText(value) ?? '')) {
        const reference = scalarReference(value, file, `\`${childPath.join('.')}\``);
        if (reference) found.push({ reference, list });
      } else if (/^(?:command|args)$/iu.test(key)) {
        // compose `command: --model-id X` as one string
        const text = scalarText(value) ?? '';
        const start = yamlValueRange(value)[0];
        const words = [...text.matchAll(/\S+/gu)].map((match) => ({ text: match[0], start: start + match.index }));
        for (const hit of argumentReferences(words, file.path, containerPrograms(node).programs)) found.push({ reference: hit, list: undefined });
      }
      continue;
    }
    // an `args:`/`command:` list gets the programs of its container (image, command)
    visit(value, childPath, list, kaito, found, file, isSeq(value) && /^(?:args|command|entrypoint|extraArgs)$/iu.test(key) ? containerPrograms(node) : noContainer);
  }
}
