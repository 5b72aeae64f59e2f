/**
 * `@dialkit/core/inversify`: Dialkit's services bound in an inversify container, for apps built
 * on inversify. The console's default registry is a plain map (inversify costs ~23 KB gzip that a
 * token-to-value registry does not need).
 *
 * @packageDocumentation
 */
export { inversifyRegistry } from './inversify-registry.js';
