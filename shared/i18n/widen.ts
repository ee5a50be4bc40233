// Same keys, any strings: every language's catalog is checked against the Japanese shape by the compiler.
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
