import { isScalar, Scalar, type Node as YamlNode } from 'yaml';

/** A YAML value's source range, without the quotes of a quoted scalar. */
export function yamlValueRange(node: YamlNode): [number, number] {
  const [start = 0, end = start] = node.range ?? [];
  if (isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)) return [start + 1, Math.max(start + 1, end - 1)];
  return [start, end];
}

/** A scalar's value as text ("mit", 2.0 → "2.0"); undefined for null and for maps or lists. */
export function scalarText(node: YamlNode | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const value: unknown = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
