// Hardware profiles: a folder with one subfolder per machine kind, each with
// its own model configs (LocalAI's `aio/cpu/`, `aio/gpu-8g/`, `aio/intel/`:
// the all-in-one image's entrypoint loads the profile of the machine it starts
// on). A model that only some profiles run is that profile's choice, not the
// project's default; a model whose license every profile's same file runs
// (the same model, or another under the same license: a 1B Llama on CPU, an
// 8B one on GPU) stays a default (the project runs it whatever the machine). Decided across a
// project's files, after each file's own reading (notDefaultPlaces.ts holds
// the profile names).
import { modelLicense } from './modelLicense.js';
import type { ModelReference } from './modelReference.js';
import { hardwareProfileFolder } from './notDefaultPlaces.js';

interface ProjectModels {
  models: ModelReference[];
}

interface Placed {
  /** The folder holding the profiles (`aio`), the profile (`cpu`), the file's path inside the profile (`text-to-text.yaml`). */
  parent: string;
  profile: string;
  rest: string;
}

/** The innermost hardware-profile folder on a file's path, or undefined. */
function placeOf(path: string): Placed | undefined {
  const parts = path.split('/');
  for (let index = parts.length - 2; index >= 0; index--) {
    if (hardwareProfileFolder.test(parts[index])) return { parent: parts.slice(0, index).join('/'), profile: parts[index], rest: parts.slice(index + 1).join('/') };
  }
  return undefined;
}

/** What profiles are compared by: the model's license when known, else the model itself. */
function licenseKey(model: ModelReference): string {
  const { license } = modelLicense(model);
  return license === 'unknown' ? `model:${model.name.toLowerCase()}` : `license:${license}`;
}

/** Marks each project's defaults that only some of its hardware profiles name as options (new objects: facts may be cached). */
export function hardwareProfileChoices(projects: Iterable<ProjectModels>): void {
  for (const project of projects) {
    const placed = new Map<ModelReference, Placed>();
    for (const model of project.models) {
      const place = placeOf(model.file);
      if (place) placed.set(model, place);
    }
    if (placed.size === 0) continue;
    // the profiles of each parent folder, and the licenses of the models each profile's file names (a model's own name when its license is unknown)
    const profiles = new Map<string, Set<string>>();
    const named = new Set<string>();
    for (const [model, place] of placed) {
      let set = profiles.get(place.parent);
      if (!set) profiles.set(place.parent, (set = new Set()));
      set.add(place.profile);
      named.add(`${place.parent}\n${place.profile}\n${place.rest}\n${licenseKey(model)}`);
    }
    project.models = project.models.map((model) => {
      const place = placed.get(model);
      if (!model.byDefault || !place) return model;
      const all = [...profiles.get(place.parent)!].sort();
      if (all.length < 2) return model;
      if (all.every((profile) => named.has(`${place.parent}\n${profile}\n${place.rest}\n${licenseKey(model)}`))) return model;
      const folder = place.parent === '' ? '' : `${place.parent}/`;
      return {
        ...model,
        byDefault: false,
        notDefaultBecause: `in the \`${folder}${place.profile}/\` hardware profile, one of ${all.length} (${all.map((profile) => `\`${profile}\``).join(', ')}): the machine picks the profile, and not every profile runs this model or another under its license`,
      };
    });
  }
}
