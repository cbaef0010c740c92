// Model names in a server's command line: vLLM (`vllm serve X`, `--model X`,
// `--model=X`), TGI (`--model-id X`), SGLang (`--model-path X`), llama.cpp
// (`--hf-repo X`), as a list of words with their offsets.
import { normaliseProgramName } from '../declarations/manifestNames.js';
import { isKnownOllamaName } from './modelLicense.js';
import { isModelKey, referenceName, type ModelReference } from './modelReference.js';

/** A reference found, before "by default" is decided: the list it sits in (several in one list are options), `always` (a KAITO preset is what its workspace runs), or `option`. */
export interface Found {
  reference: Omit<ModelReference, 'byDefault'>;
  list: unknown;
  always?: boolean;
  /** Why it is an option rather than the default, when its file says so (a provider section no switch selects). */
  option?: string;
}

const modelFlags = new Set(['--hf-repo', '-m']);

/** Words that come before the program in a command line: `exec`, `env`, `uv run`, `FOO=1`. */
const launcher = /^(?:exec|env|sudo|nohup|uv|uvx|poetry|pipenv|pdm|hatch|run|time)$|^[A-Za-z_][A-Za-z0-9_]*=/u;
const shell = /^(?:sh|bash|dash|zsh|ash)$/u;
/** Words after which a new command starts (`a && b`); `sh -c "…"` is handled where the shell is. */
const commandStart = /^(?:&&|\|\||;|\|)$/u;

/**
 * The programs a command line runs, normalised: the top package of
 * `python -m pkg.module`, the binary's name (`vllm` of `vllm serve`,
 * `/usr/bin/fastserve`). A command of flags only (`--model-id X`, run by the
 * image's entrypoint) names none.
 */
export function programNames(words: string[]): string[] {
  const tokens = words.flatMap((word) => word.split(/\s+/u)).map((token) => token.replace(/^["']+|["';]+$/gu, '')).filter((token) => token !== '');
  const names = new Set<string>();
  let starts = true;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (commandStart.test(token)) {
      starts = true;
      continue;
    }
    if (!starts) continue;
    if (launcher.test(token)) continue;
    starts = false;
    const base = token.slice(token.lastIndexOf('/') + 1);
    if (shell.test(base)) {
      // `sh -c "…"`: the program follows `-c`
      if (tokens[index + 1] === '-c') {
        index++;
        starts = true;
      }
      continue;
    }
    if (token.startsWith('-')) continue;
    if (/^python[\d.]*$/u.test(base)) {
      const module = tokens[index + 1] === '-m' ? tokens[index + 2] : undefined;
      if (module && /^[A-Za-z_][\w.]*$/u.test(module)) names.add(normaliseProgramName(module.split('.')[0]));
      continue;
    }
    if (/^[A-Za-z][\w.-]*$/u.test(base)) names.add(normaliseProgramName(base));
  }
  return [...names];
}

/** The repository name of a container image, normalised: `sglang` of `lmsysorg/sglang:v0.4`, `vllm-openai` of `vllm/vllm-openai@sha256:…`. */
export function imageProgramName(image: string): string | undefined {
  const repository = image.trim().replace(/@.*$/u, '').replace(/:[^/:]*$/u, '');
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return /^[A-Za-z0-9][\w.-]*$/u.test(name) ? normaliseProgramName(name) : undefined;
}

/**
 * Whether a command's words end in a subcommand that takes the model as its
 * first positional argument, so that a separate `args:` list starts with the
 * model: `["vllm", "serve"]` (llm-d's Deployments). Returns the command as
 * written for messages (`vllm serve`), or undefined.
 */
export function servingCommand(words: string[]): string | undefined {
  const tokens = words.flatMap((word) => word.trim().split(/\s+/u)).filter((token) => token !== '');
  if (tokens.length < 2 || tokens[tokens.length - 1] !== 'serve') return undefined;
  return /(?:^|\/)vllm$/u.test(tokens[tokens.length - 2]) ? 'vllm serve' : undefined;
}

/**
 * The model names among a command line's words. `runBy`: the programs the
 * command runs (its image and command, when known from around the words);
 * the words' own program is added. `serves`: the words are the arguments of
 * that serving command (`vllm serve`, given in the container's `command`), so
 * the first, unless it is a flag, is the model.
 */
export function argumentReferences(words: { text: string; start: number }[], file: string, runBy: string[] = [], serves?: string): Omit<ModelReference, 'byDefault'>[] {
  const found: Omit<ModelReference, 'byDefault'>[] = [];
  // the arguments of a serving command are no command line of their own: its first word is the model, not a program
  const programs = [...new Set([...runBy, ...(serves ? [] : programNames(words.map((word) => word.text)))])];
  const add = (text: string, start: number, via: string) => {
    const named = referenceName(text.replace(/^["']|["']$/gu, ''), isKnownOllamaName);
    if (!named) return;
    const from = start + (/^["']/u.test(text) ? 1 : 0) + named.offset;
    found.push({ file, span: { start: from, end: from + named.name.length }, name: named.name, kind: named.kind, via, ...(programs.length > 0 ? { runBy: programs } : {}) });
  };
  // `--model`, `--model-id`, `--model-path`, `--base_model`, `--hf-repo`, `-m`: a flag that names a model
  const flagName = (word: string) => /^--?([A-Za-z][A-Za-z_-]*)$/u.exec(word)?.[1];
  const isModelFlag = (word: string) => modelFlags.has(word) || (word.startsWith('--') && isModelKey(flagName(word) ?? ''));
  if (serves && words.length > 0 && !words[0].text.startsWith('-')) add(words[0].text, words[0].start, `\`${serves}\` argument (the first of \`args\`)`);
  for (let index = 0; index < words.length; index++) {
    const word = words[index].text;
    const equals = /^(--[A-Za-z][A-Za-z_-]*)=(.+)$/u.exec(word);
    if (equals && isModelFlag(equals[1])) add(equals[2], words[index].start + equals[1].length + 1, `\`${equals[1]}\` argument`);
    else if (!equals && isModelFlag(word) && index + 1 < words.length) add(words[index + 1].text, words[index + 1].start, `\`${word}\` argument`);
    else if (word === 'serve' && index > 0 && /(?:^|\/)vllm$/u.test(words[index - 1].text) && index + 1 < words.length) add(words[index + 1].text, words[index + 1].start, '`vllm serve` argument');
  }
  return found;
}
