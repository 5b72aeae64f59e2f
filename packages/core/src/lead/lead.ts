/**
 * A lead: the customer a call is about. Every value is untrusted text from a dialer or a SIP
 * header; render it as text, never as HTML.
 */
export interface Lead {
  /** Dialer's id. */
  readonly id: string;
  /** Customer's name. */
  readonly name?: string;
  /** Number dialled or calling. */
  readonly phone: string;
  /** Other data (address, account…), untrusted text. */
  readonly fields: Readonly<Record<string, string>>;
}
