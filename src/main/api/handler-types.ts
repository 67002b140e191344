import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract/methods';

/** The implementation of one contract method; input is already validated. */
export type Handler<K extends MethodName> = (input: ParsedInput<K>) => Promise<MethodOutput<K>>;

/** Every contract method mapped to its implementation; a missing one is a type error. */
export type Handlers = { [K in MethodName]: Handler<K> };
