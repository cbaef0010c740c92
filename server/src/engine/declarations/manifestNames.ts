// The name a project gives itself in its manifest: `[project] name` or
// `[tool.poetry] name` of pyproject.toml, `[package] name` of Cargo.toml,
// `name` of package.json (without its `@scope/`). The manifest readers record
// it (FileDeclarations.packageName) as they parse; it tells the project's own
// program in a deployment file (`python -m fastserve.server`, the
// `org/fastserve` image) from a third-party one (models/ownProgram.ts).

/** A program or package name compared loosely: lower case, `-`, `_` and `.` alike (PEP 503). */
export function normaliseProgramName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/gu, '-');
}

/** A manifest's declared name, normalised, or undefined when it has none. */
export function declaredPackageName(declared: string | undefined): string | undefined {
  const trimmed = declared?.trim();
  return trimmed ? normaliseProgramName(trimmed) : undefined;
}
