import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { ProposalKind, SessionBody } from '@dafu/platform/vocabulary';
import { proposerTitleOf } from '@dafu/proposals/domain/session-label';
import { Disclosure, type Addressees, type CcEntry, type ReplyContent } from './reply-content';

/**
 * A bureau's (or a body's) wording for the first draft of a Reply. The three text templates may
 * use the placeholders {session} (市政协八届一次会议), {number} (146), {kind} (提案/建议) and
 * {title} (the proposal's title).
 */
export interface ReplyTemplate {
  titleTemplate: string;
  openingTemplate: string;
  /** Used when the lead proposer is an organisation (民盟本溪市委): 您单位 rather than 您. */
  organisationOpeningTemplate: string;
  closing: string[];
  defaultCc: CcEntry[];
  headingsOnOwnLine: boolean;
  /** Printed before the names, e.g. 尊敬的; empty for none. */
  honorific: string;
}

export const REPLY_TEMPLATE_PLACEHOLDERS = ['session', 'number', 'kind', 'title'] as const;
export type ReplyTemplatePlaceholder = (typeof REPLY_TEMPLATE_PLACEHOLDERS)[number];

/** The wording of the 三门峡 and 濮阳 letters; bureaus override it with their own. */
export const DEFAULT_REPLY_TEMPLATES: Readonly<Record<SessionBody, ReplyTemplate>> = {
  [SessionBody.Cppcc]: {
    titleTemplate: '对{session}第{number}号{kind}的答复',
    openingTemplate: '您提出的“{title}”已收悉。现答复如下：',
    organisationOpeningTemplate: '您单位提出的“{title}”已收悉。现答复如下：',
    closing: ['欢迎各位委员对我们的工作多提宝贵意见，感谢您对我们工作的关心和支持。'],
    defaultCc: [
      { recipient: '市政协提案委', copies: 2 },
      { recipient: '市委市政府督查局', copies: 2 },
    ],
    headingsOnOwnLine: false,
    honorific: '',
  },
  [SessionBody.Npc]: {
    titleTemplate: '对{session}第{number}号{kind}的答复',
    openingTemplate: '您提出的“{title}”已收悉。现答复如下：',
    organisationOpeningTemplate: '您单位提出的“{title}”已收悉。现答复如下：',
    closing: ['欢迎各位代表对我们的工作多提宝贵意见，感谢您对我们工作的关心和支持。'],
    defaultCc: [
      { recipient: '市人大选工委', copies: 2 },
      { recipient: '市委市政府督查局', copies: 2 },
    ],
    headingsOnOwnLine: false,
    honorific: '',
  },
};

/** Anything in braces counts, so that a typo such as {numero} or {} is reported rather than printed. */
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Placeholder names in `template` that are not in `allowed`, each once, in order of appearance. */
export function checkTemplatePlaceholders(template: string, allowed: readonly string[]): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (!allowed.includes(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** Replaces every {name} with values[name]; a placeholder without a value is a RangeError, never printed. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      throw new RangeError(`Unknown placeholder {${name}} in template "${template}"`);
    }
    return values[name];
  });
}

export interface ProposalForReply {
  body: SessionBody;
  /** null when the session is not known (焦作 and 本溪's letters do not name it). */
  sessionLabel: string | null;
  number: number;
  kind: ProposalKind;
  title: string;
  /** In the proposal's order: the first is the lead proposer. */
  proposers: { name: string; kind: 'person' | 'organisation' }[];
}

/** How the letters name the kind of text answered. */
export function proposalKindLabel(kind: ProposalKind): '提案' | '建议' {
  switch (kind) {
    case ProposalKind.Proposal:
      return '提案';
    case ProposalKind.Suggestion:
      return '建议';
    default:
      return assertUnreachable(kind);
  }
}

/**
 * Without a session, 对{session}第192号提案的答复 must read 第192号提案的答复 (焦作's letter), not
 * 对第192号…: the 对 only introduces the session, so it goes with it.
 */
function withoutSession(template: string): string {
  return template.replace(/对?\{session\}/g, '');
}

/**
 * The first draft of a Reply: everything the proposal and the template already decide, with the
 * body (preamble, sections) left for the clerk.
 */
export function startingContent(
  template: ReplyTemplate,
  proposal: ProposalForReply,
  issuer: string,
  coBureauNames: string[],
): ReplyContent {
  const values: Record<ReplyTemplatePlaceholder, string> = {
    session: proposal.sessionLabel ?? '',
    number: String(proposal.number),
    kind: proposalKindLabel(proposal.kind),
    title: proposal.title.trim(),
  };
  const fill = (text: string) => fillTemplate(proposal.sessionLabel === null ? withoutSession(text) : text, values);
  const lead = proposal.proposers[0];
  const byOrganisation = lead !== undefined && lead.kind === 'organisation';

  return {
    title: fill(template.titleTemplate),
    addressees: byOrganisation ? organisationAddressee(lead.name) : peopleAddressees(template, proposal),
    opening: fill(byOrganisation ? template.organisationOpeningTemplate : template.openingTemplate),
    preamble: [],
    sections: [],
    closing: [...template.closing],
    headingsOnOwnLine: template.headingsOnOwnLine,
    issuer,
    contact: null,
    cc: startingCc(template.defaultCc, issuer, coBureauNames),
    disclosure: { level: Disclosure.Public, reason: null },
    proposedGrade: { grade: null, justification: '' },
  };
}

/** An organisation's proposal is answered to that organisation alone, even with people co-signing. */
function organisationAddressee(name: string): Addressees {
  return { people: [], title: null, organisation: name.trim(), honorific: '' };
}

function peopleAddressees(template: ReplyTemplate, proposal: ProposalForReply): Addressees {
  return {
    people: proposal.proposers.filter((p) => p.kind === 'person').map((p) => p.name.trim()),
    title: proposerTitleOf(proposal.body),
    organisation: null,
    honorific: template.honorific,
  };
}

/**
 * The template's recipients, then each co bureau with one copy (design.md: the lead's reply is
 * copied to its co bureaus). A recipient is listed once, and the issuer never copies itself.
 */
function startingCc(defaultCc: readonly CcEntry[], issuer: string, coBureauNames: readonly string[]): CcEntry[] {
  const cc: CcEntry[] = [];
  const seen = new Set<string>([issuer.trim()]);
  const add = (recipient: string, copies: number) => {
    const name = recipient.trim();
    if (name === '' || seen.has(name)) return;
    seen.add(name);
    cc.push({ recipient: name, copies });
  };
  for (const entry of defaultCc) add(entry.recipient, entry.copies);
  for (const name of coBureauNames) add(name, 1);
  return cc;
}
