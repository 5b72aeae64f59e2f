export { DialkitError } from './common/errors.js';
