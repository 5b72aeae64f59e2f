import type { Campaign, DispositionCode, DispositionField, Lead, PauseReason, TransferTarget } from '@dialkit/core';
import { demoLeads } from './demo-leads.js';

/** A campaign the sim runs: the campaign as the console sees it, its lead list, and dialer tuning. */
export interface SimCampaign {
  /** The campaign (dispositions, pause codes, scripts and forms in `extra`…). */
  readonly campaign: Campaign;
  /** Its lead list, dialled in order and then again from the top. */
  readonly leads: readonly Lead[];
  /** Chance that a dialled number is answered by a person (before per-number traits); default 0.35. */
  readonly answerProbability?: number;
  /** Simulated colleagues working this campaign beside the agent (predictive pool); default 0. */
  readonly simulatedAgents?: number;
}

const SALE: DispositionCode = { code: 'SALE', label: 'Sale', category: 'contact', successful: true, requires: ['amount'], hotkey: '1' };
const NA: DispositionCode = { code: 'NA', label: 'No Answer', category: 'no-contact', successful: false, requires: [], hotkey: '2' };
const CB: DispositionCode = { code: 'CB', label: 'Callback', category: 'contact', successful: false, requires: [], callback: 'required', hotkey: '3' };
const WN: DispositionCode = { code: 'WN', label: 'Wrong Number', category: 'no-contact', successful: false, requires: ['notes'], hotkey: '4' };
const NI: DispositionCode = { code: 'NI', label: 'Not Interested', category: 'contact', successful: false, requires: [], callback: 'optional', hotkey: '5' };
const DNC: DispositionCode = { code: 'DNC', label: 'Do Not Call', category: 'contact', successful: false, requires: ['notes'], hotkey: '6' };
const AM: DispositionCode = { code: 'AM', label: 'Answering Machine', category: 'no-contact', successful: false, requires: [], callback: 'optional', hotkey: '7' };
const BUSY: DispositionCode = { code: 'BUSY', label: 'Busy', category: 'no-contact', successful: false, requires: [], hotkey: '8' };

const AMOUNT: DispositionField = { id: 'amount', label: 'Amount', type: 'number' };
const PLAN: DispositionField = { id: 'plan', label: 'Plan', type: 'select', options: ['Fibre 300', 'Fibre 600', 'Fibre 1G', 'Mobile 20GB', 'Mobile Unlimited'] };

/** The pause menu every demo campaign uses: breaks (count as break time) and other pauses. */
export const DEMO_PAUSE_REASONS: readonly PauseReason[] = [
  { code: 'lunch', label: 'Lunch / Comida', kind: 'break' },
  { code: 'rest', label: 'Rest / Descanso', kind: 'break' },
  { code: 'bathroom', label: 'Bathroom / Baño', kind: 'break' },
  { code: 'training', label: 'Training / Formación', kind: 'pause' },
  { code: 'meeting', label: 'Meeting / Reunión', kind: 'pause' },
  { code: 'coaching', label: 'Coaching', kind: 'pause' },
  { code: 'technical', label: 'Technical issue / Incidencia', kind: 'pause' },
];

/** Departments and colleagues calls can be transferred to (the seed's Loans and Collections buttons). */
export const DEMO_TRANSFER_TARGETS: readonly TransferTarget[] = [
  { id: 'loans', label: 'Loans', kind: 'department', destination: '7001' },
  { id: 'collections', label: 'Collections', kind: 'department', destination: '7002' },
  { id: 'customer-service', label: 'Customer Service', kind: 'department', destination: '7003' },
  { id: 'lucia', label: 'Lucía Fernández', kind: 'agent', destination: '2001' },
  { id: 'tom', label: 'Tom Baker', kind: 'agent', destination: '2002' },
  { id: 'supervisor', label: 'Supervisor (Raquel)', kind: 'agent', destination: '2000' },
];

/** A script section: text with `{{lead.name}}`, `{{lead.fields.city}}`, `{{agent.name}}` placeholders. */
const section = (id: string, title: string, text: string) => ({ id, title, text });

function campaign(c: Omit<Campaign, 'pauseReasons' | 'transferTargets'> & Partial<Pick<Campaign, 'pauseReasons' | 'transferTargets'>>): Campaign {
  return { pauseReasons: DEMO_PAUSE_REASONS, transferTargets: DEMO_TRANSFER_TARGETS, ...c };
}

const spring = campaign({
  id: 'spring-sale', name: 'Spring Sale', dialMethod: 'predictive', afterWrapUp: 'ready', allowManualDial: true,
  dispositions: [SALE, NA, CB, WN, NI, DNC, AM, { code: 'UPSELL', label: 'Upsell', category: 'contact', successful: true, requires: ['amount', 'plan'], hotkey: '9' }],
  dispositionFields: [AMOUNT, PLAN],
  extra: {
    script: { sections: [
      section('opening', 'Opening', 'Hello {{lead.name}}, this is {{agent.name}} from Dialkit Telecom. Do you have two minutes?'),
      section('offer', 'Offer', 'As a customer since {{lead.fields.customerSince}} you can move to {{lead.fields.offer}} for half price for six months.'),
      section('objection', 'If not interested', 'I understand. May I call you back another day that suits you better?'),
      section('close', 'Close', 'Thank you, {{lead.name}}. You will get a confirmation by SMS today.'),
    ] },
    form: { fields: [
      { id: 'plan', label: 'Plan chosen', type: 'select', options: PLAN.options, required: true },
      { id: 'amount', label: 'Monthly amount (€)', type: 'number', required: true },
      { id: 'email', label: 'E-mail for the contract', type: 'text' },
    ] },
    crmUrl: 'https://crm.example/lead/{{lead.id}}',
  },
});

const renewals = campaign({
  id: 'renewals', name: 'Renewals', dialMethod: 'progressive', afterWrapUp: 'paused', allowManualDial: false,
  dispositions: [SALE, NA, CB, WN, NI, BUSY, { code: 'RENEWED', label: 'Renewed', category: 'contact', successful: true, requires: ['plan'], hotkey: '9' }],
  dispositionFields: [AMOUNT, PLAN],
  extra: {
    script: { sections: [
      section('opening', 'Opening', 'Good morning {{lead.name}}, your {{lead.fields.plan}} contract ends on {{lead.fields.renewalDate}}.'),
      section('offer', 'Renewal offer', 'Renewing today keeps your price for two more years.'),
    ] },
    form: { fields: [{ id: 'plan', label: 'New plan', type: 'select', options: PLAN.options, required: true }] },
  },
});

const loans = campaign({
  id: 'personal-loans', name: 'Personal Loans', dialMethod: 'preview', afterWrapUp: 'ready', allowManualDial: true,
  dispositions: [
    { ...SALE, label: 'Loan application' }, NA, CB, WN, NI, DNC,
    { code: 'DOCS', label: 'Send documents', category: 'contact', successful: false, requires: ['email'], callback: 'optional', hotkey: '7' },
  ],
  dispositionFields: [AMOUNT, { id: 'term', label: 'Term (months)', type: 'select', options: ['12', '24', '36', '48', '60'] }, { id: 'email', label: 'E-mail', type: 'text' }],
  extra: {
    script: { sections: [
      section('opening', 'Opening', 'Hello {{lead.name}}, you asked about a loan of {{lead.fields.requested}} €.'),
      section('checks', 'Checks', 'Confirm income, employment and the monthly payment the customer can afford.'),
    ] },
    form: { fields: [
      { id: 'amount', label: 'Amount (€)', type: 'number', required: true },
      { id: 'term', label: 'Term (months)', type: 'select', options: ['12', '24', '36', '48', '60'] },
      { id: 'income', label: 'Monthly income (€)', type: 'number' },
    ] },
  },
});

const collections = campaign({
  id: 'collections', name: 'Collections', dialMethod: 'manual', afterWrapUp: 'paused', allowManualDial: true,
  dispositions: [
    { code: 'PTP', label: 'Promise to pay', category: 'contact', successful: true, requires: ['amount', 'payDate'], hotkey: '1' },
    NA, CB, WN,
    { code: 'PAID', label: 'Already paid', category: 'contact', successful: true, requires: ['notes'], hotkey: '5' },
    { code: 'DISPUTE', label: 'Dispute', category: 'contact', successful: false, requires: ['notes'], hotkey: '6' },
  ],
  dispositionFields: [AMOUNT, { id: 'payDate', label: 'Payment date', type: 'text' }],
  extra: {
    script: { sections: [
      section('opening', 'Opening', 'Hello, may I speak with {{lead.name}}? I am calling about account {{lead.fields.account}}.'),
      section('balance', 'Balance', 'The outstanding balance is {{lead.fields.balance}} €, {{lead.fields.daysLate}} days late.'),
    ] },
    form: { fields: [{ id: 'amount', label: 'Amount promised (€)', type: 'number', required: true }, { id: 'payDate', label: 'Payment date', type: 'text', required: true }] },
  },
});

const support = campaign({
  id: 'support-line', name: 'Customer Support', dialMethod: 'inbound', afterWrapUp: 'ready', allowManualDial: false,
  dispositions: [
    { code: 'RESOLVED', label: 'Resolved', category: 'contact', successful: true, requires: [], hotkey: '1' },
    { code: 'ESCALATED', label: 'Escalated', category: 'contact', successful: false, requires: ['notes'], hotkey: '2' },
    CB, { ...WN, hotkey: '4' },
  ],
  dispositionFields: [],
  extra: {
    script: { sections: [
      section('greeting', 'Greeting', 'Dialkit Telecom, {{agent.name}} speaking. How can I help you, {{lead.name}}?'),
      section('verify', 'Verify', 'Confirm the account holder: date of birth and postcode.'),
    ] },
    form: { fields: [{ id: 'topic', label: 'Topic', type: 'select', options: ['Billing', 'Outage', 'Move', 'Other'], required: true }] },
  },
});

const pick = <T,>(i: number, items: readonly T[]): T => items[i % items.length] as T;

/**
 * The demo campaigns, one per dial method: `spring-sale` (predictive, Ready after wrap-up, manual
 * dial allowed), `renewals` (progressive, Paused after wrap-up, no manual dial), `personal-loans`
 * (preview), `collections` (manual) and `support-line` (inbound).
 */
export const DEMO_CAMPAIGNS: readonly SimCampaign[] = [
  { campaign: spring, answerProbability: 0.35, simulatedAgents: 4, leads: demoLeads({ prefix: 'SS', count: 40, fields: (i) => ({ offer: pick(i, ['Fibre 600', 'Fibre 1G', 'Mobile Unlimited']), plan: pick(i, ['Fibre 300', 'Mobile 20GB']) }) }) },
  { campaign: renewals, answerProbability: 0.45, leads: demoLeads({ prefix: 'RN', count: 25, fields: (i) => ({ plan: pick(i, ['Fibre 300', 'Fibre 600', 'Mobile 20GB']), renewalDate: `2026-0${(i % 8) + 2}-15` }) }) },
  { campaign: loans, answerProbability: 0.5, leads: demoLeads({ prefix: 'PL', count: 25, fields: (i) => ({ requested: String(3000 + (i % 9) * 1500), score: pick(i, ['A', 'B', 'B', 'C']) }) }) },
  { campaign: collections, answerProbability: 0.4, leads: demoLeads({ prefix: 'CO', count: 25, fields: (i) => ({ account: `ACC-${String(40100 + i * 37)}`, balance: String(120 + (i % 13) * 85), daysLate: String(15 + (i % 6) * 15) }) }) },
  { campaign: support, answerProbability: 1, leads: demoLeads({ prefix: 'SU', count: 20, fields: (i) => ({ account: `ACC-${String(50100 + i * 41)}`, plan: pick(i, ['Fibre 600', 'Mobile Unlimited']) }) }) },
];
