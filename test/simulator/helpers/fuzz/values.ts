import fc from 'fast-check';

/** What a field of a JSON body is, to make a value of another type for it. */
export type FieldKind = 'string' | 'integer' | 'number' | 'object' | 'boolean' | 'array' | 'choice';

/** A field of a request body: its path (`amount.total`), its kind, whether it may be absent. */
export interface FieldSpec {
  readonly path: string;
  readonly kind: FieldKind;
  readonly optional?: boolean;
  /** Longest string accepted, in UTF-8 bytes (string fields). */
  readonly maxBytes?: number;
  /** The range of an integer field. @default 1 to 100000000000 (an amount in fen) */
  readonly min?: number;
  readonly max?: number;
}

const smallObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
  maxKeys: 3,
});
const smallArray = fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 });
const nonInteger = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((value) => !Number.isInteger(value));

/**
 * A JSON value that is not of `kind` (null only for a required field: WeChat Pay takes a null
 * as an absent value, which an optional field may be).
 */
export function wrongValueFor(field: FieldSpec): fc.Arbitrary<unknown> {
  const nullable = field.optional ? [] : [fc.constant(null)];
  switch (field.kind) {
    case 'string':
    case 'choice':
      return fc.oneof(
        fc.integer(),
        nonInteger,
        fc.boolean(),
        smallArray,
        smallObject,
        ...nullable,
        // Choices are upper-case words (AVAILABLE, SUCCESS): any other string is none of them.
        ...(field.kind === 'choice'
          ? [fc.string({ minLength: 1, maxLength: 20 }).filter((text) => !/^[A-Z_]+$/.test(text))]
          : []),
      );
    case 'integer':
      return fc.oneof(
        fc.string({ maxLength: 12 }),
        nonInteger,
        fc.boolean(),
        smallArray,
        smallObject,
        fc.integer({ max: (field.min ?? 1) - 1 }),
        fc.double({ min: (field.max ?? 1e11) + 1, max: 1e300, noNaN: true }),
        ...nullable,
      );
    case 'number':
      return fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.boolean(),
        smallArray,
        smallObject,
        ...nullable,
      );
    case 'object':
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), smallArray, ...nullable);
    case 'array':
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), smallObject, ...nullable);
    case 'boolean':
      return fc.oneof(fc.string(), fc.integer(), smallArray, smallObject, ...nullable);
  }
}

/** Text without CR or LF (which would end a header line), any other character included. */
export function headerSafeText(maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: 'binary-ascii', maxLength }).map((text) => text.replace(/[\r\n]/g, ' '));
}

/** Sets `path` (dotted) of a deep copy of `body` to `value`, or removes it (`undefined`). */
export function withField(body: object, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body) as Record<string, unknown>;
  const names = path.split('.');
  const last = names.pop() as string;
  let target = copy;
  for (const name of names) target = target[name] as Record<string, unknown>;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}
