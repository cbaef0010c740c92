import { isScalar, Scalar, type Node as YamlNode } from 'yaml';

/** A YAML value's source range, without the quotes of a quoted scalar. */
export function yamlValueRange(node: YamlNode): [number, number] {
  const [start = 0, end = start] = node.range ?? [];
  if (isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)) return [start + 1, Math.max(start + 1, end - 1)];
  return [start, end];
}
