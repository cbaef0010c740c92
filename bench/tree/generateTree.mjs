// Generated workspaces for `npm run bench`: a monorepo-shaped tree of
// projects (READMEs with claims, model cards, manifests, LICENSE files,
// documentation and source files) plus an ignored node_modules, and large
// Markdown documents for the keystroke path. Deterministic for a given seed.
//
//   node bench/tree/generateTree.mjs DIR [--files 20000] [--node-modules 50000] [--seed 1]
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const licenseList = require('spdx-license-list/full');

/** A small deterministic generator (mulberry32). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next, items) => items[Math.floor(next() * items.length)];

const licenseIds = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-3.0-only', 'MPL-2.0', 'ISC', 'CC-BY-NC-4.0'];
const modelLicenses = ['llama3', 'apache-2.0', 'mit', 'openrail', 'cc-by-nc-4.0', 'gemma', 'other'];
const claims = [
  'This is an open-source project.',
  'An open source library for parsing things.',
  'Released under the MIT license.',
  'The model weights are open.',
  'We publish an open-weights model for everyone.',
  'Free software, licensed under the GPL.',
  'Ein Open-Source-Projekt für alle.',
  'Un projet open source.',
];
const subjects = ['The parser', 'The command-line interface', 'This library', 'The test suite', 'Each release', 'The cache', 'The scheduler', 'The exporter', 'Our importer', 'The default configuration', 'The plugin system', 'The tokenizer'];
const verbs = ['reads', 'writes', 'checks', 'rebuilds', 'validates', 'streams', 'compresses', 'indexes', 'renders', 'skips', 'merges', 'reports'];
const objects = ['configuration files', 'the input records', 'large archives', 'every pull request', 'the change log', 'nested folders', 'remote mirrors', 'the error messages', 'a summary table', 'binary attachments', 'the lock file', 'user settings'];
const endings = ['in one pass', 'before the build', 'when asked', 'on every platform', 'without blocking', 'in the background', 'for each project', 'at start-up', 'after an upgrade', 'as documented below'];

/** A sentence of plain prose (about 20,000 combinations, plus a number), so that paragraphs rarely repeat. */
function filler(next) {
  const sentence = `${pick(next, subjects)} ${pick(next, verbs)} ${pick(next, objects)} ${pick(next, endings)}`;
  return next() < 0.3 ? `${sentence} (see item ${Math.floor(next() * 100000)}).` : `${sentence}.`;
}

/** A paragraph of prose, with a claim in it now and then (`claimShare` of its sentences). */
function paragraph(next, claimShare) {
  const sentences = [];
  const count = 2 + Math.floor(next() * 4);
  for (let i = 0; i < count; i++) sentences.push(next() < claimShare ? pick(next, claims) : filler(next));
  return sentences.join(' ');
}

function codeBlock(next) {
  const lines = ['```js'];
  const count = 3 + Math.floor(next() * 8);
  const base = Math.floor(next() * 100000);
  for (let i = 0; i < count; i++) lines.push(`const open${base + i} = require('open-source-${base + i}'); // open source, MIT`);
  lines.push('```');
  return lines.join('\n');
}

/**
 * A Markdown document of about `bytes` bytes: headings, prose with claims,
 * code blocks, lists, links. `claimShare` is the share of prose sentences
 * (and list items) that are claims: 0.3 for a README, less for
 * documentation pages, which mention openness far less often. With
 * `frontMatter`, the document starts with model-card front matter whose
 * `license` is `license` (a random Hub id when not given).
 */
export function markdownDocument(next, bytes, { frontMatter = false, claimShare = 0.3, license } = {}) {
  const parts = [];
  if (frontMatter) parts.push(`---\nlicense: ${license ?? pick(next, modelLicenses)}\nbase_model: meta-llama/Meta-Llama-3-8B\ntags:\n  - text-generation\n---`);
  parts.push(`# Project ${Math.floor(next() * 1e6)}`);
  let size = parts.join('\n\n').length;
  let section = 0;
  while (size < bytes) {
    const roll = next();
    let part;
    if (roll < 0.08) part = `## Section ${++section}`;
    else if (roll < 0.2) part = codeBlock(next);
    else if (roll < 0.28) part = `- ${filler(next)}\n- ${next() < claimShare ? pick(next, claims) : filler(next)}\n- [docs](https://example.org/docs/${section})`;
    else part = paragraph(next, claimShare);
    parts.push(part);
    size += part.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

function manifest(next, kind, name, license) {
  const description = next() < 0.5 ? pick(next, claims) : filler(next);
  if (kind === 'package.json') return `${JSON.stringify({ name, version: '1.0.0', description, license, main: 'index.js', keywords: ['open source', 'tool'] }, null, 2)}\n`;
  if (kind === 'pyproject.toml') return `[project]\nname = "${name}"\nversion = "1.0.0"\ndescription = "${description}"\nlicense = "${license}"\nclassifiers = ["Programming Language :: Python :: 3"]\n`;
  return `[package]\nname = "${name}"\nversion = "1.0.0"\ndescription = "${description}"\nlicense = "${license}"\nedition = "2021"\n`;
}

function sourceFile(next, extension) {
  const lines = [];
  const count = 20 + Math.floor(next() * 60);
  for (let i = 0; i < count; i++) {
    lines.push(extension === 'py' ? `def function_${i}(value):\n    return value * ${i}  # open source helper` : `export function function${i}(value: number): number { return value * ${i}; } // open source helper`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The models a project runs, as projects name them: Hugging Face ids and
 * Ollama tags, open and not (Llama and Gemma fail the OSI policy; Mistral
 * 7B, Qwen2.5 and Phi-3 are Apache-2.0 or MIT).
 */
const runModels = ['meta-llama/Llama-3.1-8B-Instruct', 'google/gemma-2-9b-it', 'mistralai/Mistral-7B-Instruct-v0.3', 'Qwen/Qwen2.5-7B-Instruct', 'microsoft/Phi-3-mini-4k-instruct', 'meta-llama/Meta-Llama-3-8B-Instruct'];
const ollamaModels = ['llama3.1:8b', 'qwen2.5:7b', 'gemma2:9b', 'mistral:7b', 'phi3:mini'];

/** Files that name the model a project runs: a compose file (vLLM or Ollama), a .env example, or Python that loads it. */
function modelFiles(next) {
  const model = pick(next, runModels);
  const roll = next();
  if (roll < 0.35) {
    return [['docker-compose.yml', `services:\n  llm:\n    image: vllm/vllm-openai:latest\n    command: ["--model", "${model}", "--max-model-len", "8192"]\n    ports:\n      - "8000:8000"\n    environment:\n      - HF_TOKEN=\${HF_TOKEN}\n  app:\n    build: .\n    environment:\n      OPENAI_BASE_URL: http://llm:8000/v1\n      LOG_LEVEL: info\n`]];
  }
  if (roll < 0.55) {
    return [['docker-compose.yml', `services:\n  ollama:\n    image: ollama/ollama:latest\n    volumes:\n      - ollama:/root/.ollama\n  app:\n    build: .\n    environment:\n      OLLAMA_HOST: http://ollama:11434\n      OLLAMA_MODEL: ${pick(next, ollamaModels)}\nvolumes:\n  ollama: {}\n`]];
  }
  if (roll < 0.8) {
    return [['.env.example', `# copy to .env\nPORT=8080\nLOG_LEVEL=info\nMODEL_ID=${model}\nMAX_NEW_TOKENS=512\nHF_TOKEN=\n`]];
  }
  return [['src/inference.py', `import os\nfrom transformers import AutoModelForCausalLM, AutoTokenizer\n\nMODEL_ID = os.getenv("MODEL_ID", "${model}")\n\n\ndef load():\n    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)\n    model = AutoModelForCausalLM.from_pretrained(MODEL_ID, torch_dtype="auto")\n    return tokenizer, model\n`]];
}

function write(root, path, text, counter) {
  const absolute = join(root, path);
  mkdirSync(join(absolute, '..'), { recursive: true });
  writeFileSync(absolute, text);
  counter.count++;
}

/**
 * Writes the tree; returns counts. About 40% of `files` are Markdown, 10%
 * manifests, 7% LICENSE files and the rest source files; one package project
 * in eight also names the model it runs (modelFiles); `nodeModules` files
 * go under an ignored node_modules/ (packages of four files each).
 */
export function generateTree(root, { files = 20000, nodeModules = 50000, seed = 1 } = {}) {
  const next = random(seed);
  // a stream of its own for the model files, so that the rest of the tree is what it was before they were added
  const nextModel = random(seed ^ 0x6d6f64);
  const counter = { count: 0 };
  mkdirSync(root, { recursive: true });
  write(root, '.gitignore', 'node_modules/\n', counter);
  write(root, 'README.md', markdownDocument(next, 4000), counter);
  write(root, 'package.json', manifest(next, 'package.json', 'monorepo-root', 'MIT'), counter);
  write(root, 'LICENSE', licenseList.MIT.licenseText, counter);
  let project = 0;
  let models = 0;
  while (counter.count < files) {
    project++;
    const isModel = project % 5 === 0;
    const dir = isModel ? `models/group${project % 37}/model-${project}` : `packages/group${project % 41}/pkg-${project}`;
    const license = pick(next, licenseIds);
    if (isModel) {
      write(root, `${dir}/README.md`, markdownDocument(next, 1500 + Math.floor(next() * 6000), { frontMatter: true }), counter);
      write(root, `${dir}/config.json`, '{"architectures": ["LlamaForCausalLM"]}\n', counter);
      continue;
    }
    const kind = pick(next, ['package.json', 'pyproject.toml', 'Cargo.toml']);
    write(root, `${dir}/${kind}`, manifest(next, kind, `pkg-${project}`, license), counter);
    if (next() < 0.7) write(root, `${dir}/LICENSE`, licenseList[license].licenseText, counter);
    write(root, `${dir}/README.md`, markdownDocument(next, 800 + Math.floor(next() * 5000)), counter);
    const docs = Math.floor(next() * 4);
    for (let i = 0; i < docs; i++) write(root, `${dir}/docs/page-${i}.md`, markdownDocument(next, 500 + Math.floor(next() * 3000), { claimShare: 0.03 }), counter);
    const sources = 1 + Math.floor(next() * 6);
    const extension = kind === 'pyproject.toml' ? 'py' : kind === 'Cargo.toml' ? 'rs' : 'ts';
    for (let i = 0; i < sources; i++) write(root, `${dir}/src/module${i}.${extension}`, sourceFile(next, extension), counter);
    // one project in eight runs a model: a compose file, a .env example or Python that loads it
    if (nextModel() < 0.125) {
      for (const [path, text] of modelFiles(nextModel)) write(root, `${dir}/${path}`, text, counter);
      models++;
    }
  }
  const inTree = counter.count;
  let dependency = 0;
  while (counter.count - inTree < nodeModules) {
    const dir = `node_modules/dep-${dependency++}`;
    write(root, `${dir}/package.json`, manifest(next, 'package.json', `dep-${dependency}`, 'MIT'), counter);
    write(root, `${dir}/README.md`, markdownDocument(next, 600), counter);
    write(root, `${dir}/LICENSE`, licenseList.MIT.licenseText, counter);
    write(root, `${dir}/index.js`, sourceFile(next, 'js'), counter);
  }
  return { files: inTree, nodeModules: counter.count - inTree, projects: project, modelProjects: models };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/tree/generateTree.mjs DIR [--files N] [--node-modules N] [--seed N]');
    process.exit(2);
  }
  const option = (name, fallback) => {
    const index = rest.indexOf(name);
    return index < 0 ? fallback : Number(rest[index + 1]);
  };
  const counts = generateTree(dir, { files: option('--files', 20000), nodeModules: option('--node-modules', 50000), seed: option('--seed', 1) });
  console.log(JSON.stringify(counts));
}
