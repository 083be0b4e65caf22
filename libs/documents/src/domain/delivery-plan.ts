import type { CcEntry } from '@dafu/replies/domain/reply-content';

/** Where a recipient can be reached, as the directory (proposers, organisations) knows it. */
export interface RecipientAddress {
  email: string | null;
  postalAddress: string | null;
}

export interface PlannedDelivery {
  position: number;
  recipientKind: 'proposer' | 'cc';
  recipientName: string;
  email: string | null;
  postalAddress: string | null;
  copies: number;
  channel: 'email' | 'mailroom';
}

export interface DeliveryPlanInput {
  proposers: ({ name: string } & RecipientAddress)[];
  cc: readonly CcEntry[];
  /** The organisation a cc entry names (by name or short name), or null when none matches. */
  addressOf: (recipient: string) => RecipientAddress | null;
  /** False when no SMTP server is configured: everything goes by post. */
  emailEnabled: boolean;
}

/**
 * Who receives an issued letter, and how: every proposer (one copy) and every cc entry (its
 * copies), by e-mail where an address is known, otherwise on the mailroom's list to be printed
 * and posted. A name listed twice is served once, with the larger number of copies.
 */
export function planDeliveries(input: DeliveryPlanInput): PlannedDelivery[] {
  const planned: PlannedDelivery[] = [];
  const byName = new Map<string, PlannedDelivery>();
  const add = (
    recipientKind: PlannedDelivery['recipientKind'],
    name: string,
    copies: number,
    address: RecipientAddress | null,
  ) => {
    const recipientName = name.trim();
    if (recipientName === '') return;
    const seen = byName.get(recipientName);
    if (seen) {
      seen.copies = Math.max(seen.copies, copies);
      return;
    }
    const email = address?.email?.trim() || null;
    const delivery: PlannedDelivery = {
      position: planned.length + 1,
      recipientKind,
      recipientName,
      email,
      postalAddress: address?.postalAddress?.trim() || null,
      copies: Math.min(Math.max(Math.trunc(copies), 1), 99),
      channel: email && input.emailEnabled ? 'email' : 'mailroom',
    };
    byName.set(recipientName, delivery);
    planned.push(delivery);
  };
  for (const proposer of input.proposers) add('proposer', proposer.name, 1, proposer);
  for (const entry of input.cc) add('cc', entry.recipient, entry.copies, input.addressOf(entry.recipient.trim()));
  return planned;
}
