import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { ProposalKind, SessionBody } from '@dafu/platform/vocabulary';
import { chineseNumeral } from './chinese-numerals';

/**
 * The name the letters use: 市政协八届一次会议 for the CPPCC, 市九届人大一次会议 for the NPC
 * (see the seed letters of 三门峡 and 濮阳).
 */
export function sessionLabel(body: SessionBody, term: number, sitting: number): string {
  switch (body) {
    case SessionBody.Cppcc:
      return `市政协${chineseNumeral(term)}届${chineseNumeral(sitting)}次会议`;
    case SessionBody.Npc:
      return `市${chineseNumeral(term)}届人大${chineseNumeral(sitting)}次会议`;
    default:
      return assertUnreachable(body);
  }
}

/** CPPCC members submit 提案; NPC deputies submit 建议. */
export function proposalKindOf(body: SessionBody): ProposalKind {
  switch (body) {
    case SessionBody.Cppcc:
      return ProposalKind.Proposal;
    case SessionBody.Npc:
      return ProposalKind.Suggestion;
    default:
      return assertUnreachable(body);
  }
}

/** How a proposer is addressed in a reply: 委员 for CPPCC members, 代表 for NPC deputies. */
export function proposerTitleOf(body: SessionBody): '委员' | '代表' {
  switch (body) {
    case SessionBody.Cppcc:
      return '委员';
    case SessionBody.Npc:
      return '代表';
    default:
      return assertUnreachable(body);
  }
}
