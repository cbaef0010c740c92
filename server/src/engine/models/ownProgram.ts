// A model given on the command line of the project's own program is the
// user's choice in a sample deployment of the engine, not a model the project
// runs by default: SGLang's docker/compose.yaml runs `python3 -m
// sglang.launch_server --model-path meta-llama/…` (image lmsysorg/sglang) in
// the repository whose pyproject.toml names the package `sglang`. An app whose
// compose file runs a third-party engine (vllm/vllm-openai, TGI, ollama) with
// its model keeps that model as its default.
import type { ModelReference } from './modelReference.js';

interface ProjectModels {
  root: string;
  /** The package names its manifests declare (read with the manifests: FileDeclarations.packageName). */
  packages: { file: string; name: string }[];
  models: ModelReference[];
}

/** Folders that hold other people's packages: a manifest there does not name the project's own program. */
const vendored = /(?:^|\/)(?:node_modules|vendor|vendored|third[-_]party|3rdparty|external|deps|site-packages)(?:\/|$)/iu;

/**
 * The names the project's own manifests give (package.json, pyproject.toml,
 * Cargo.toml), its own and those of the projects inside it (SGLang's package
 * is declared in `python/pyproject.toml`, its deployment files are at the top).
 */
function ownNames(project: ProjectModels, all: ProjectModels[]): Set<string> {
  const names = new Set<string>();
  for (const other of all) {
    if (other !== project && !(project.root === '' || other.root.startsWith(`${project.root}/`))) continue;
    for (const { file, name } of other.packages) if (!vendored.test(file)) names.add(name);
  }
  return names;
}

/** Marks each project's command-line model arguments of its own program as not run by default (new objects: facts may be cached). */
export function ownProgramSamples(projects: Iterable<ProjectModels>): void {
  const all = [...projects];
  for (const project of all) {
    if (!project.models.some((model) => model.byDefault && model.runBy)) continue;
    const names = ownNames(project, all);
    if (names.size === 0) continue;
    project.models = project.models.map((model) => {
      const own = model.byDefault ? model.runBy?.find((program) => names.has(program)) : undefined;
      return own ? { ...model, byDefault: false, notDefaultBecause: `an argument of the project's own program \`${own}\` in a sample deployment of the engine; the user chooses the model` } : model;
    });
  }
}
