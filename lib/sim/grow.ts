/**
 * The simulator's typed-array stores (event heap, SQS messages, stream records, environment lanes) double when
 * they fill up: each column becomes a new array of the same type with its first `used` entries copied to the front.
 */
type TypedColumn = Float64Array | Int32Array | Uint32Array | Uint8Array;

export function grown<T extends TypedColumn>(column: T, cap: number, used: number = column.length): T {
  const next = new (column.constructor as new (length: number) => T)(cap);
  next.set(used === column.length ? column : column.subarray(0, used));
  return next;
}
