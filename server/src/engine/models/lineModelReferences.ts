// Model references in line-based files, read with a small scanner (neither
// format has a maintained parser on npm worth a dependency): Ollama
// Modelfiles (`FROM llama3`, `FROM hf.co/org/repo`) and `.env` examples
// (`MODEL_ID=meta-llama/…`, optionally `export`ed and quoted).
import type { SourceFile } from '../types.js';
import { isKnownOllamaName } from './modelLicense.js';
import { isModelKey, referenceName } from './modelReference.js';
import type { Found } from './commandArguments.js';

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

export function envModelReferences(file: SourceFile): { found: Found[] } {
  const found: Found[] = [];
  for (const { line, start } of lines(file.text)) {
    const match = /^(\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*["']?)([^"'\s#]+)/u.exec(line);
    if (!match || !isModelKey(match[2])) continue;
    const named = referenceName(match[3], isKnownOllamaName);
    if (!named) continue;
    const from = start + match[1].length + named.offset;
    found.push({ reference: { file: file.path, span: { start: from, end: from + named.name.length }, name: named.name, kind: named.kind, via: `\`${match[2]}\`` }, list: undefined });
  }
  return { found };
}
