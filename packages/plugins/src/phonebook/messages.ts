import type { MessageBundle } from '@dialkit/core';

/** The phonebook's messages, in English and Spanish. */
export const phonebookMessages = {
  en: {
    'phonebook.entry': 'Phonebook',
    'panel.phonebook': 'Phonebook',
    'hotkey.panel.phonebook': 'Open the phonebook',
    'phonebook.title': 'Phonebook',
    'phonebook.search': 'Search by name or number',
    'phonebook.loading': 'Loading the phonebook…',
    'phonebook.empty': 'No entry matches “{query}”.',
    'phonebook.emptyAll': 'The phonebook is empty.',
    'phonebook.count': '{count} entries',
    'phonebook.call': 'Call',
    'phonebook.callName': 'Call {name} ({number})',
    'phonebook.back': 'Back to the call screen',
    'phonebook.kind.contact': 'Contact',
    'phonebook.kind.department': 'Department',
    'phonebook.kind.agent': 'Colleague',
  },
  es: {
    'phonebook.entry': 'Agenda',
    'panel.phonebook': 'Agenda',
    'hotkey.panel.phonebook': 'Abrir la agenda',
    'phonebook.title': 'Agenda telefónica',
    'phonebook.search': 'Buscar por nombre o número',
    'phonebook.loading': 'Cargando la agenda…',
    'phonebook.empty': 'Ninguna entrada coincide con «{query}».',
    'phonebook.emptyAll': 'La agenda está vacía.',
    'phonebook.count': '{count} entradas',
    'phonebook.call': 'Llamar',
    'phonebook.callName': 'Llamar a {name} ({number})',
    'phonebook.back': 'Volver a la pantalla de llamadas',
    'phonebook.kind.contact': 'Contacto',
    'phonebook.kind.department': 'Departamento',
    'phonebook.kind.agent': 'Compañero',
  },
} as const satisfies MessageBundle;
