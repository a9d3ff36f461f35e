// What the library may assume of a mini program's JavaScript runtime: timers and the `wx`
// global, nothing from Node or the DOM. The source compiles against this and lib ES2019 only.

declare const wx: unknown;

declare function setTimeout(handler: () => void, timeoutMs?: number): unknown;
declare function clearTimeout(handle: unknown): void;
