/**
 * The limits of one scenario field, read from the scenario's JSON Schema (docs/scenario.schema.json, generated
 * from the zod schema): the configuration editor takes its min, max and defaults from here, so a limit is
 * written once, in schema.ts.
 */

/** The parts of a JSON Schema node this reads. */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  description?: string;
  enum?: unknown[];
}

export interface FieldBounds {
  min: number | undefined;
  max: number | undefined;
  integer: boolean;
  /** The schema's default, when it has one (applied when the field is left out). */
  default: unknown;
  description: string | undefined;
}

const branches = (n: SchemaNode): SchemaNode[] => [...(n.anyOf ?? []), ...(n.oneOf ?? [])];

/** The node for one step of a path, looking into union branches (the first branch that has the step). */
function child(node: SchemaNode, key: string | number): SchemaNode | undefined {
  if (typeof key === 'number') {
    if (node.items) return node.items;
  } else {
    const direct = node.properties?.[key];
    if (direct) return direct;
    if (typeof node.additionalProperties === 'object') return node.additionalProperties;
  }
  for (const b of branches(node)) {
    const c = child(b, key);
    if (c) return c;
  }
  return undefined;
}

function nodeAt(schema: SchemaNode, path: readonly (string | number)[]): SchemaNode {
  let node: SchemaNode | undefined = schema;
  for (const key of path) {
    node = node ? child(node, key) : undefined;
    if (!node) throw new Error(`the scenario schema has no field ${path.join('.')}`);
  }
  return node!;
}

/** A numeric node: the node itself, or its numeric branch (an optional or nullable number is a union). */
function numeric(node: SchemaNode): SchemaNode | undefined {
  const isNum = (t: SchemaNode['type']) => t === 'number' || t === 'integer' || (Array.isArray(t) && (t.includes('number') || t.includes('integer')));
  if (isNum(node.type)) return node;
  for (const b of branches(node)) {
    const n = numeric(b);
    if (n) return n;
  }
  return undefined;
}

/**
 * Limits of the number at `path` (property names and array indices, as in a scenario document). Throws when
 * the path names no number in the schema, so a renamed field fails loudly instead of losing its limits.
 */
export function fieldBounds(schema: SchemaNode, path: readonly (string | number)[]): FieldBounds {
  const node = nodeAt(schema, path);
  const num = numeric(node);
  if (!num) throw new Error(`scenario field ${path.join('.')} is not a number`);
  const max = num.maximum ?? num.exclusiveMaximum;
  return {
    min: num.minimum ?? num.exclusiveMinimum,
    // zod writes an unbounded integer's maximum as Number.MAX_SAFE_INTEGER: that is no limit to show.
    max: max !== undefined && max >= Number.MAX_SAFE_INTEGER ? undefined : max,
    integer: num.type === 'integer',
    default: num.default ?? node.default,
    description: num.description ?? node.description,
  };
}

/** The allowed values of a string field with a fixed list (runtime, architecture…) and its default. */
export function fieldChoices(schema: SchemaNode, path: readonly (string | number)[]): { values: string[]; default: string | undefined } {
  const node = nodeAt(schema, path);
  const values = node.enum?.filter((v): v is string => typeof v === 'string');
  if (!values?.length) throw new Error(`scenario field ${path.join('.')} has no list of values`);
  return { values, default: typeof node.default === 'string' ? node.default : undefined };
}
