// Model references in line-based files, read with a small scanner (neither
// format has a maintained parser on npm worth a dependency): Ollama
// Modelfiles (`FROM llama3`, `FROM hf.co/org/repo`) and `.env` examples
// (`MODEL_ID=meta-llama/…`, optionally `export`ed and quoted).
import type { SourceFile } from '../types.js';
import { isKnownOllamaName } from './modelLicense.js';
import { isModelKey, referenceName } from './modelReference.js';
import type { Found } from './commandArguments.js';
import { gate, isProviderName, isSwitchKey, switchValue, type Switch } from './providerSections.js';

function lines(text: string): { line: string; start: number }[] {
  const result: { line: string; start: number }[] = [];
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    result.push({ line: text.slice(start, stop).replace(/\r$/u, ''), start });
    if (end < 0) break;
    start = end + 1;
  }
  return result;
}

/** The model of a Modelfile's first `FROM` (a path to a local GGUF is not a reference). */
export function modelfileReferences(file: SourceFile): { found: Found[] } {
  for (const { line, start } of lines(file.text)) {
    const match = /^(\s*FROM\s+)(\S+)/iu.exec(line);
    if (!match) continue;
    const value = match[2].replace(/^registry\.ollama\.ai\/library\//u, '');
    const named = referenceName(value, (name) => isKnownOllamaName(name) || !/\.(?:gguf|bin|safetensors)$/iu.test(name));
    if (!named) return { found: [] };
    const from = start + match[1].length + (match[2].length - value.length) + named.offset;
    // an Ollama name the table does not know still names a model (license unknown); a plain `./x.gguf` does not
    return { found: [{ reference: { file: file.path, span: { start: from, end: from + named.name.length }, name: named.name, kind: named.kind, via: 'Modelfile `FROM`' }, list: undefined }] };
  }
  return { found: [] };
}

/**
 * `KEY=value` lines of a .env example. A `*_PROVIDER=`/`*_MODE=` line that
 * names a provider prefixing some model variables selects those
 * (`LLM_PROVIDER=ollama`: `OLLAMA_MODEL`); the other providers' model
 * variables (`OPENAI_MODEL`, `HUGGINGFACE_MODEL_ID`) are options.
 */
export function envModelReferences(file: SourceFile): { found: Found[] } {
  const found: Found[] = [];
  const switches: Switch[] = [];
  const sectionOf = new Map<Found, string>();
  for (const { line, start } of lines(file.text)) {
    const match = /^(\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*["']?)([^"'\s#]+)/u.exec(line);
    if (match && isSwitchKey(match[2])) switches.push({ key: match[2], value: switchValue(match[3]) });
    if (!match || !isModelKey(match[2])) continue;
    const named = referenceName(match[3], isKnownOllamaName);
    if (!named) continue;
    const from = start + match[1].length + named.offset;
    const entry: Found = { reference: { file: file.path, span: { start: from, end: from + named.name.length }, name: named.name, kind: named.kind, via: `\`${match[2]}\`` }, list: undefined };
    found.push(entry);
    // OLLAMA_MODEL, AZURE_OPENAI_MODEL: the provider is the variable's first word
    const prefix = match[2].split('_')[0];
    if (isProviderName(prefix)) sectionOf.set(entry, prefix);
  }
  const because = gate(switches, [...sectionOf.values()]);
  for (const entry of found) {
    const option = because(sectionOf.get(entry));
    if (option) entry.option = option.replace(/^in the `([^`]+)` provider section/u, 'a variable of the `$1` provider');
  }
  return { found };
}
