import type { Change } from '../journal/journal';
import type { SimulatorState } from '../store/state';
import { type GenericRow, genericRow } from './views';

/**
 * Collections with a view of their own, or not for people's eyes (merchants hold keys): every
 * other collection (transfer bills, and whatever a later part adds) is shown as it is.
 */
const NOT_GENERIC = new Set(['orders', 'refunds', 'notifications', 'merchants', 'tasks']);

/** Every other collection with records, newest first, by name. */
export function genericCollections(state: SimulatorState): Record<string, GenericRow[]> {
  const collections: Record<string, GenericRow[]> = {};
  for (const name of state.collectionNames()) {
    if (NOT_GENERIC.has(name)) continue;
    const rows = [...state.collection<unknown>(name)].map(([id, record]) =>
      genericRow(name, id, record),
    );
    if (rows.length > 0) {
      collections[name] = rows.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
    }
  }
  return collections;
}

/**
 * The record a change of another kind is about: in the collection named like its type
 * (`transfer`, `transfers`), else in any other collection holding its id.
 */
export function genericRecord(state: SimulatorState, change: Change): GenericRow | undefined {
  const names = state.collectionNames().filter((name) => !NOT_GENERIC.has(name));
  const ordered = [change.type, `${change.type}s`, ...names].filter((name) => names.includes(name));
  for (const name of ordered) {
    const record = state.collection<unknown>(name).get(change.id);
    if (record !== undefined) return genericRow(name, change.id, record);
  }
  return undefined;
}
