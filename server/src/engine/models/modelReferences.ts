// Which files can name the models a project runs, a cheap literal pre-scan
// that lets most of them go unparsed, and the decision of which references
// are the project's defaults (see docs/rules/claim-closed-model-dependency.md).
import type { SourceFile } from '../types.js';
import { codeModelReferences } from './codeModelReferences.js';
import type { Found } from './commandArguments.js';
import { jsonModelReferences } from './jsonModelReferences.js';
import { envModelReferences, modelfileReferences } from './lineModelReferences.js';
import { notDefaultPlace, type ModelReference } from './modelReference.js';
import { yamlModelReferences } from './yamlModelReferences.js';

type Format = 'yaml' | 'json' | 'python' | 'js' | 'modelfile' | 'env';

/** The format of a file that may name models, by its name alone (no read). */
export function modelFileFormat(name: string): Format | undefined {
  if (/\.ya?ml$/iu.test(name)) return 'yaml';
  if (/(?:^|[._-])config\.json$/iu.test(name)) return 'json';
  if (/\.py$/iu.test(name)) return 'python';
  if (/\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/iu.test(name) && !/\.d\.[cm]?ts$|\.min\.js$/iu.test(name)) return 'js';
  if (/^Modelfile(?:\..+)?$|\.modelfile$/iu.test(name)) return 'modelfile';
  if (/^(?:\.env\.(?:example|sample|template|dist|defaults?|local\.example)|(?:example|sample|template)\.env)$|(?:^|[._-])env\.(?:example|sample|template)$/iu.test(name)) return 'env';
  return undefined;
}

/**
 * Whether a text may hold a reference (a literal test, far cheaper than a
 * parse): YAML, JSON and .env need a model key or a KAITO preset; code needs a
 * loading call or a model name next to a quoted `org/name`.
 */
const mayName: Record<Format, RegExp> = {
  yaml: /model|preset|hf:\/\/|ollama:\/\/|vllm/iu,
  json: /model|hf:\/\/|ollama:\/\//iu,
  env: /model/iu,
  modelfile: /^\s*FROM\s/imu,
  python: /from_pretrained|_download\(|pipeline\(|LLM\(|model/iu,
  js: /from_pretrained|pipeline\(|model/iu,
};
const quotedRepo = /["'`](?:https?:\/\/huggingface\.co\/)?[A-Za-z0-9][\w.-]*\/[\w.-]+["'`]|["'`](?:llama|gemma|mistral|mixtral|phi|qwen|codellama|codegemma|deepseek|command-r|starcoder|falcon|tinyllama|gpt-oss|smollm|granite|nomic-embed|mxbai|all-minilm)[\w.:-]*["'`]/u;

export function mayNameModels(format: Format, text: string): boolean {
  if (!mayName[format].test(text)) return false;
  return format === 'python' || format === 'js' ? quotedRepo.test(text) : true;
}

/** The model references of one file (none when its format names none, or the pre-scan finds nothing to parse). */
export function readModelReferences(file: SourceFile): ModelReference[] {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const format = modelFileFormat(name);
  if (!format || !mayNameModels(format, file.text)) return [];
  const { found } =
    format === 'yaml' ? yamlModelReferences(file)
      : format === 'json' ? jsonModelReferences(file)
        : format === 'modelfile' ? modelfileReferences(file)
          : format === 'env' ? envModelReferences(file)
            : codeModelReferences(file, format);
  // a range that does not hold the name (a folded YAML scalar whose value differs from its source) is not reported
  const exact = found.filter(({ reference }) => file.text.slice(reference.span.start, reference.span.end) === reference.name);
  return decideDefaults(exact, file.path);
}

/**
 * A reference is a default unless its file is an example, a sample, a test,
 * docs or a per-model config (notDefaultPlace), it sits in a provider section
 * that the file's switch does not select (providerSections.ts), or it is one
 * of several different models listed together (a YAML or JSON list, a Python
 * or JS list literal): those are options. A KAITO preset is what its
 * workspace runs.
 */
function decideDefaults(found: Found[], path: string): ModelReference[] {
  const place = notDefaultPlace(path);
  const namesInList = new Map<unknown, Set<string>>();
  for (const { reference, list } of found) {
    if (list === undefined) continue;
    let names = namesInList.get(list);
    if (!names) namesInList.set(list, (names = new Set()));
    names.add(reference.name.toLowerCase());
  }
  return found.map(({ reference, list, always, option }) => {
    const options = list === undefined ? 0 : namesInList.get(list)!.size;
    const because = place ?? (always ? undefined : option ?? (options > 1 ? `one of ${options} models listed together` : undefined));
    return because ? { ...reference, byDefault: false, notDefaultBecause: because } : { ...reference, byDefault: true };
  });
}
