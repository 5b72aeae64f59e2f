import type { DirectoryEntry, DirectoryPort } from '@dialkit/core';
import type { SimColleague } from './colleagues.js';

/** The phonebook's fixed entries: contacts and departments. */
export const DEMO_PHONEBOOK: readonly DirectoryEntry[] = [
  { id: 'dept-loans', name: 'Loans', number: '7001', kind: 'department', group: 'Departments' },
  { id: 'dept-collections', name: 'Collections', number: '7002', kind: 'department', group: 'Departments' },
  { id: 'dept-customer-service', name: 'Customer Service', number: '7003', kind: 'department', group: 'Departments' },
  { id: 'dept-retention', name: 'Retention', number: '7004', kind: 'department', group: 'Departments' },
  { id: 'dept-tech', name: 'Technical Support', number: '7005', kind: 'department', group: 'Departments' },
  { id: 'contact-head-office', name: 'Head office (Madrid)', number: '+34910000100', kind: 'contact', group: 'Company' },
  { id: 'contact-it', name: 'IT helpdesk', number: '+34910000200', kind: 'contact', group: 'Company' },
  { id: 'contact-legal', name: 'Legal department', number: '+34910000300', kind: 'contact', group: 'Company' },
  { id: 'contact-courier', name: 'Mensajería Rápida S.L.', number: '+34932001122', kind: 'contact', group: 'Suppliers' },
  { id: 'contact-bank', name: 'Banco Central — payments desk', number: '+34913004455', kind: 'contact', group: 'Partners' },
  { id: 'contact-uk-office', name: 'London office', number: '+442071234567', kind: 'contact', group: 'Company' },
  { id: 'agent-supervisor', name: 'Raquel Soto (Supervisor)', number: '2000', kind: 'agent', group: 'Supervisors', status: 'ready' },
];

const KIND_ORDER: Readonly<Record<DirectoryEntry['kind'], number>> = { department: 0, agent: 1, contact: 2 };

/** The directory port: fixed entries plus the colleagues with their status now. @internal */
export function directoryPort(colleagues: readonly SimColleague[]): DirectoryPort {
  const all = (): DirectoryEntry[] =>
    [
      ...DEMO_PHONEBOOK,
      ...colleagues.map((c): DirectoryEntry => ({ id: c.id, name: c.name, number: c.extension, kind: 'agent', group: 'Agents', status: c.status })),
    ].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name));
  return {
    list: () => Promise.resolve(all()),
    search: (query) => {
      const q = typeof query === 'string' ? query.trim().toLowerCase() : '';
      return Promise.resolve(q === '' ? all() : all().filter((e) => e.name.toLowerCase().includes(q) || e.number.includes(q)));
    },
  };
}
