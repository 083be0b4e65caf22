import { ApiProperty } from '@nestjs/swagger';
import { CoOpinionDto } from '@dafu/handling/dto/work.dto';
import { MISSING_ITEM_KINDS, type MissingItemKind } from '../domain/reply-checks';

/*
 * What the editor and the review page read beside a reply: completeness, sources, the diff of two
 * versions and the history. Answers only, never validated input; the domain types they document
 * are named on each class.
 */

/** reply-checks.ts MissingItem: what submitting would still refuse for. */
export class MissingItemDto {
  @ApiProperty({ enum: [...MISSING_ITEM_KINDS], enumName: 'MissingItemKind' }) item: MissingItemKind;
  @ApiProperty({
    required: false,
    description: 'The bureau for cc_co_bureau and co_opinion; the unknown grade for grade',
  })
  detail?: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

/** search similar-replies.service.ts ReusableSection. */
export class ReusableSectionDto {
  @ApiProperty({ description: 'What an inserted section records as its source sectionIndex' }) index: number;
  @ApiProperty() heading: string;
  @ApiProperty({ type: [String] }) paragraphs: string[];
}

/** search similar-replies.service.ts SimilarReply. */
export class SimilarReplyDto {
  @ApiProperty({
    enum: ['past_reply', 'archived_letter'],
    description: 'past_reply: a signed or issued reply in Dafu; archived_letter: an imported historical letter',
  })
  kind: 'past_reply' | 'archived_letter';
  @ApiProperty({ description: "The reply's or the archived letter's id" }) id: string;
  @ApiProperty({ type: String, nullable: true }) proposalId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) sessionLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) documentNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) grade: string | null;
  @ApiProperty({ type: String, nullable: true }) datedOn: string | null;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String], description: "The current proposal's words the letter shares, best first" })
  sharedTerms: string[];
  @ApiProperty({ type: [ReusableSectionDto] }) sections: ReusableSectionDto[];
}

/** replies.service.ts ReplySources. */
export class ReplySourcesDto {
  @ApiProperty({ type: [CoOpinionDto], description: "The co bureaus' opinions (a lead reply only)" })
  coOpinions: CoOpinionDto[];
  @ApiProperty({ type: [SimilarReplyDto], description: 'Best first' }) similarReplies: SimilarReplyDto[];
}

export class BilingualLabelDto {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

/** reply-diff.ts DiffSegment. */
export class DiffSegmentDto {
  @ApiProperty({ enum: ['equal', 'insert', 'delete'] }) op: 'equal' | 'insert' | 'delete';
  @ApiProperty() text: string;
}

/** reply-diff.ts ReplyChange. */
export class ReplyChangeDto {
  @ApiProperty({ example: 'sections[1].paragraphs[0]', description: 'Path into the reply content' }) path: string;
  @ApiProperty({ type: BilingualLabelDto }) label: BilingualLabelDto;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind: 'added' | 'removed' | 'changed';
  @ApiProperty({ type: String, nullable: true }) before: string | null;
  @ApiProperty({ type: String, nullable: true }) after: string | null;
  @ApiProperty({ type: [DiffSegmentDto], description: 'equal+delete runs give before, equal+insert give after' })
  segments: DiffSegmentDto[];
}

/** platform audit.ts AuditEvent: one entry of a reply's history. */
export class ReplyHistoryEventDto {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ type: String, nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorOrganisationId: string | null;
  @ApiProperty({ example: 'reply' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ example: 'reply.sign_off' }) action: string;
  @ApiProperty({ type: String, nullable: true }) fromState: string | null;
  @ApiProperty({ type: String, nullable: true }) toState: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null for a reader who may not read drafts' })
  reason: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's details (grade, version…); empty for a reader who may not read drafts",
  })
  data: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
}
