import { type TUnsafe, Type } from '@sinclair/typebox';

/**
 * A string from a fixed list, as a plain JSON-schema `enum` (TypeBox's unions of literals
 * would validate the same but answer "must match a schema in anyOf").
 */
export function StringEnum<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}
