/**
 * `@dialkit/plugins/phonebook`: B9, the Phonebook, with click-to-dial.
 *
 * @packageDocumentation
 */
export { PHONEBOOK_KEYS, PHONEBOOK_PANEL, phonebookPlugin, type PhonebookOptions } from './phonebook-plugin.js';
export { phonebookMessages } from './messages.js';
