// Model references in Python, TypeScript and JavaScript: string literals
// passed to `from_pretrained`, `pipeline(model=…)`, `hf_hub_download`,
// `snapshot_download`, vLLM `LLM(model=…)` (or any call's `model=`/`model_id=`/
// `repo_id=` keyword), assigned to a model variable or key (`MODEL_ID = "…"`,
// `model_name: str = "…"`, `{ model: '…' }`), or given as the default of a
// model environment variable (`os.getenv("MODEL_ID", "…")`,
// `process.env.MODEL ?? '…'`).
import type { SourceFile } from '../types.js';
import { codeTokens, type Token } from './codeTokens.js';
import { isKnownOllamaName } from './modelLicense.js';
import { isModelKey, referenceName } from './modelReference.js';
import type { Found } from './commandArguments.js';

/** Calls whose first string argument is a model (`pipeline`'s first is its task: its model is the second, or `model=`). */
const firstArgumentCalls = new Set(['from_pretrained', 'hf_hub_download', 'snapshot_download', 'LLM', 'AsyncLLMEngine', 'pull']);
const keywordArguments = (name: string) => isModelKey(name) || name === 'repo_id';
/**
 * A variable that holds the models a program offers or falls back to:
 * `default_offline_chat_models` (Khoj), `SUPPORTED_MODELS`,
 * `available_llm_models`. A bare `models` or a generator's `runModels` is
 * just data, and is not read.
 */
const modelListName = (name: string) => /^[a-z]{0,40}(?:default|supported|available|offline|local|chat|llm|embedding|recommended|builtin)[a-z]{0,20}models$/u.test(name.toLowerCase().replace(/[-_.]/gu, ''));

export function codeModelReferences(file: SourceFile, language: 'python' | 'js'): { found: Found[] } {
  const tokens = codeTokens(file.text, language);
  const found: Found[] = [];
  // the open brackets at each token: a reference inside a list literal is one of its items
  const brackets: number[] = [];
  const isPunct = (token: Token | undefined, text: string) => token?.type === 'punct' && token.text === text;
  // `default_offline_chat_models = ["a", "b"]`: the list literal being read, and its variable
  let modelList: { name: string; bracket: number } | undefined;
  const add = (token: Token, via: string) => {
    if (token.type !== 'str' || !token.exact) return;
    const named = referenceName(token.value.trim(), isKnownOllamaName);
    if (!named) return;
    const start = token.start + (token.value.length - token.value.trimStart().length) + named.offset;
    // the nearest enclosing list literal, however deep (`[dict(model="a"), dict(model="b")]`)
    let list: number | undefined;
    for (let at = brackets.length - 1; at >= 0 && list === undefined; at--) if (isPunct(tokens[brackets[at]], '[')) list = brackets[at];
    found.push({ reference: { file: file.path, span: { start, end: start + named.name.length }, name: named.name, kind: named.kind, via }, list });
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === 'punct') {
      if (token.text === '(' || token.text === '[' || token.text === '{') brackets.push(index);
      else if ((token.text === ')' || token.text === ']' || token.text === '}') && brackets.length > 0 && brackets.pop() === modelList?.bracket) modelList = undefined;
      continue;
    }
    if (token.type === 'id') {
      const next = tokens[index + 1];
      // call(…"model"…)
      if (isPunct(next, '(')) {
        const argument = tokens[index + 2];
        if (firstArgumentCalls.has(token.text) && argument?.type === 'str') {
          brackets.push(index + 1);
          add(argument, `\`${token.text}(…)\``);
          brackets.pop();
        }
        // transformers.js: pipeline('task', 'Xenova/model')
        if (token.text === 'pipeline' && language === 'js' && argument?.type === 'str' && isPunct(tokens[index + 3], ',') && tokens[index + 4]?.type === 'str') {
          brackets.push(index + 1);
          add(tokens[index + 4], '`pipeline(…)`');
          brackets.pop();
        }
        // argparse: add_argument("--model-path", default="lmsys/vicuna-7b-v1.5")
        if (token.text === 'add_argument' && argument?.type === 'str' && /^--?[A-Za-z_-]*$/u.test(argument.value) && isModelKey(argument.value.replace(/^-+/u, ''))) {
          let depth = 0;
          for (let at = index + 1; at < tokens.length; at++) {
            const inside = tokens[at];
            if (inside.type === 'punct' && (inside.text === '(' || inside.text === '[' || inside.text === '{')) depth++;
            else if (inside.type === 'punct' && (inside.text === ')' || inside.text === ']' || inside.text === '}')) {
              if (--depth === 0) break;
            } else if (depth === 1 && inside.type === 'id' && inside.text === 'default' && isPunct(tokens[at + 1], '=')) {
              brackets.push(index + 1);
              add(tokens[at + 2], `the default of \`${argument.value}\``);
              brackets.pop();
              break;
            }
          }
        }
        // os.getenv("MODEL_ID", "default"), os.environ.get(…)
        if ((token.text === 'getenv' || token.text === 'get') && argument?.type === 'str' && isModelKey(argument.value) && isPunct(tokens[index + 3], ',') && tokens[index + 4]?.type === 'str') {
          brackets.push(index + 1);
          add(tokens[index + 4], `the default of \`${argument.value}\``);
          brackets.pop();
        }
        continue;
      }
      // default_offline_chat_models = ["…", "…"]: each item one of the list (options when there are several)
      if (isPunct(next, '=') && isPunct(tokens[index + 2], '[') && modelListName(token.text)) {
        modelList = { name: token.text, bracket: index + 2 };
        continue;
      }
      // name = "…", name: "…", model=… keyword, name: str = "…"
      if ((isPunct(next, '=') || isPunct(next, ':')) && keywordArguments(token.text)) {
        let value: Token | undefined = tokens[index + 2];
        if (isPunct(next, ':') && value?.type === 'id' && language === 'python') {
          // an annotation: skip to `=` on the same statement (`str | None = "…"`)
          let at = index + 2;
          while (at < tokens.length && at < index + 12 && !isPunct(tokens[at], '=') && tokens[at].type !== 'str') at++;
          value = isPunct(tokens[at], '=') ? tokens[at + 1] : undefined;
        }
        if (value?.type === 'str' && !isPunct(tokens[index + 3], '+') && !isPunct(tokens[index + 3], '%') && !isPunct(tokens[index + 3], '.')) add(value, `\`${token.text}\``);
        continue;
      }
      // process.env.MODEL_ID ?? 'default'
      if ((isPunct(next, '??') || isPunct(next, '||')) && isModelKey(token.text) && tokens[index + 2]?.type === 'str') add(tokens[index + 2], `the default of \`${token.text}\``);
      continue;
    }
    if (token.type === 'str' && modelList && brackets[brackets.length - 1] === modelList.bracket && (isPunct(tokens[index + 1], ',') || isPunct(tokens[index + 1], ']'))) {
      add(token, `\`${modelList.name}\``);
      continue;
    }
    // {"model": "…"} in a dict or an object
    if (token.type === 'str' && isPunct(tokens[index + 1], ':') && isModelKey(token.value) && tokens[index + 2]?.type === 'str') add(tokens[index + 2], `\`${token.value}\``);
  }
  return { found };
}
