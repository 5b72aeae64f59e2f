/**
 * A typed dependency-injection token: a unique symbol that remembers the type it stands for.
 *
 * @remarks
 * Every service is an interface plus a same-named token (`AgentService` the type, `AgentService`
 * the token). Plugins name tokens in `requires` and receive resolved values; they never import
 * the container.
 *
 * @typeParam T - the type of the value the token resolves to.
 */
export type Token<T> = symbol & { readonly __dialkitToken?: () => T };

/** The type a {@link Token} resolves to. */
export type TokenType<K> = K extends Token<infer T> ? T : never;

const TOKEN_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;

/**
 * Creates a typed token with a namespaced, validated id.
 *
 * @param id - dotted, kebab-case id: `core.agent-service`, `plugin.<id>.<name>`.
 * @throws TypeError when the id is not dotted kebab-case (a programmer error).
 * @example
 * ```ts
 * export interface Greeter { greet(): string }
 * export const Greeter = createToken<Greeter>('plugin.hello.greeter');
 * ```
 */
export function createToken<T>(id: string): Token<T> {
  if (!TOKEN_ID.test(id)) {
    throw new TypeError(`Token id '${id}' must be dotted kebab-case, e.g. 'core.agent-service'`);
  }
  return Symbol.for(`dialkit:${id}`);
}

/** The id a token was created with. */
export function tokenId(token: Token<unknown>): string {
  return (token.description ?? '').replace(/^dialkit:/, '');
}
