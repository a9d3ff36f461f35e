// The public types of the entry points, read with the TypeScript compiler: the members of an
// exported options interface with their TSDoc `@default`, the members of an exported union.
import { join } from 'node:path';
import ts from 'typescript';
import { root } from './markdown';

export type Entry = 'src/index.ts' | 'src/server/index.ts' | 'src/testing/index.ts';
const ENTRIES: readonly Entry[] = ['src/index.ts', 'src/server/index.ts', 'src/testing/index.ts'];

let program: ts.Program | undefined;

function checker(): ts.TypeChecker {
  program ??= ts.createProgram(
    ENTRIES.map((entry) => join(root, entry)),
    {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      resolveJsonModule: true,
      skipLibCheck: true,
      types: ['node'],
      noEmit: true,
    },
  );
  return program.getTypeChecker();
}

/** The type exported as `name` by `entry`; throws a sentence when the entry does not export it. */
function exportedType(entry: Entry, name: string): ts.Type {
  const types = checker();
  const file = program?.getSourceFile(join(root, entry));
  const module = file && types.getSymbolAtLocation(file);
  const symbol = module && types.getExportsOfModule(module).find((s) => s.name === name);
  if (!symbol) throw new Error(`${entry} exports no type named ${name}`);
  const target = symbol.flags & ts.SymbolFlags.Alias ? types.getAliasedSymbol(symbol) : symbol;
  return types.getDeclaredTypeOfSymbol(target);
}

export interface OptionDoc {
  readonly name: string;
  readonly optional: boolean;
  /** The text of its TSDoc `@default`, if it has one. */
  readonly default: string | undefined;
}

/** The members of the exported interface `name`, in declaration order. */
export function optionsOf(entry: Entry, name: string): OptionDoc[] {
  const types = checker();
  return exportedType(entry, name)
    .getProperties()
    .map((property) => {
      const tag = property.getJsDocTags(types).find((t) => t.name === 'default');
      return {
        name: property.name,
        optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
        default: tag && ts.displayPartsToString(tag.text).trim(),
      };
    });
}

/** The string literals of the exported union `name`, e.g. every `CheckoutFailCode`. */
export function literalsOf(entry: Entry, name: string): string[] {
  const type = exportedType(entry, name);
  const members = type.isUnion() ? type.types : [type];
  return members.map((member) => {
    if (!member.isStringLiteral()) throw new Error(`${name} has a member that is not a string`);
    return member.value;
  });
}
