import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Disclosure } from '../domain/reply-content';
import type {
  AddresseeTitle,
  Addressees,
  CcEntry,
  ProposedGrade,
  ReplyContact,
  ReplyContent,
  ReplyDisclosure,
  ReplySection,
  TextSource,
} from '../domain/reply-content';

/**
 * The shape of a reply's text. Sizes here only stop absurd requests; the letter's own limit
 * (REPLY_TEXT_LIMIT) answers 413 with the figure, and the rules a clerk can break answer 400
 * from checkReplyContent with field-by-field messages.
 */
const HUGE = 200_000;

export class AddresseesDto implements Addressees {
  @ApiProperty({ type: [String], example: ['姚峥', '左锋杰', '韩冰'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  people: string[];
  @ApiProperty({ enum: ['委员', '代表'], nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsIn(['委员', '代表'])
  title: AddresseeTitle | null;
  @ApiProperty({ type: String, nullable: true, example: '民盟本溪市委' })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  organisation: string | null;
  @ApiProperty({ example: '', description: 'Printed before the names, e.g. 尊敬的' })
  @IsString()
  @MaxLength(20)
  honorific: string;
}

export class TextSourceDto {
  @ApiProperty({ enum: ['co_opinion', 'past_reply', 'archived_letter'] })
  @IsIn(['co_opinion', 'past_reply', 'archived_letter'])
  kind: 'co_opinion' | 'past_reply' | 'archived_letter';
  @ApiProperty({ required: false }) @IsOptional() @IsUUID() coAssignmentId?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(200) bureauName?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsUUID() replyId?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsUUID() archivedLetterId?: string;
  @ApiProperty({ required: false, nullable: true, type: Number })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  sectionIndex?: number | null;
}

export class ReplySectionDto {
  @ApiProperty({ example: '完善政策配套，健全养老服务机制' }) @IsString() @MaxLength(HUGE) heading: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(300)
  @IsString({ each: true })
  @MaxLength(HUGE, { each: true })
  paragraphs: string[];
  @ApiProperty({ type: TextSourceDto, nullable: true, required: false })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => TextSourceDto)
  source?: TextSourceDto | null;
}

export class ReplyContactDto implements ReplyContact {
  @ApiProperty({ example: '郭振波' }) @IsString() @MaxLength(50) name: string;
  @ApiProperty({ example: '0393-6687009' }) @IsString() @MaxLength(50) phone: string;
}

export class CcEntryDto implements CcEntry {
  @ApiProperty({ example: '市政协提案委' }) @IsString() @MaxLength(200) recipient: string;
  @ApiProperty({ example: 2 }) @IsInt() copies: number;
}

export class ReplyDisclosureDto implements ReplyDisclosure {
  @ApiProperty({ enum: Disclosure, enumName: 'Disclosure' }) @IsEnum(Disclosure) level: Disclosure;
  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  reason: string | null;
}

export class ProposedGradeDto implements ProposedGrade {
  @ApiProperty({ type: String, nullable: true, example: 'A' })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(10)
  grade: string | null;
  @ApiProperty({ example: '已出台实施意见，所提问题基本解决' }) @IsString() @MaxLength(HUGE) justification: string;
}

export class ReplyContentDto {
  @ApiProperty({ example: '对市政协八届一次会议第146号提案的答复' }) @IsString() @MaxLength(HUGE) title: string;
  @ApiProperty({ type: AddresseesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AddresseesDto)
  addressees: AddresseesDto;
  @ApiProperty() @IsString() @MaxLength(HUGE) opening: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(300)
  @IsString({ each: true })
  @MaxLength(HUGE, { each: true })
  preamble: string[];
  @ApiProperty({ type: [ReplySectionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReplySectionDto)
  sections: ReplySectionDto[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(HUGE, { each: true })
  closing: string[];
  @ApiProperty() @IsBoolean() headingsOnOwnLine: boolean;
  @ApiProperty({ example: '三门峡市民政局' }) @IsString() @MaxLength(200) issuer: string;
  @ApiProperty({ type: ReplyContactDto, nullable: true })
  @IsDefined()
  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => ReplyContactDto)
  contact: ReplyContactDto | null;
  @ApiProperty({ type: [CcEntryDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CcEntryDto)
  cc: CcEntryDto[];
  @ApiProperty({ type: ReplyDisclosureDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReplyDisclosureDto)
  disclosure: ReplyDisclosureDto;
  @ApiProperty({ type: ProposedGradeDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProposedGradeDto)
  proposedGrade: ProposedGradeDto;
}

/** The DTO as the domain type: sources narrowed to their kind, absent ones made null. */
export function contentOf(dto: ReplyContentDto): ReplyContent {
  return {
    title: dto.title,
    addressees: {
      people: dto.addressees.people,
      title: dto.addressees.title,
      organisation: dto.addressees.organisation,
      honorific: dto.addressees.honorific,
    },
    opening: dto.opening,
    preamble: dto.preamble,
    sections: dto.sections.map((section): ReplySection => ({
      heading: section.heading,
      paragraphs: section.paragraphs,
      source: sourceOf(section.source ?? null),
    })),
    closing: dto.closing,
    headingsOnOwnLine: dto.headingsOnOwnLine,
    issuer: dto.issuer,
    contact: dto.contact ? { name: dto.contact.name, phone: dto.contact.phone } : null,
    cc: dto.cc.map((entry) => ({ recipient: entry.recipient, copies: entry.copies })),
    disclosure: { level: dto.disclosure.level, reason: dto.disclosure.reason },
    proposedGrade: { grade: dto.proposedGrade.grade, justification: dto.proposedGrade.justification },
  };
}

function sourceOf(dto: TextSourceDto | null): TextSource | null {
  if (!dto) return null;
  if (dto.kind === 'co_opinion') {
    return { kind: 'co_opinion', coAssignmentId: dto.coAssignmentId ?? '', bureauName: dto.bureauName ?? '' };
  }
  if (dto.kind === 'archived_letter') {
    return {
      kind: 'archived_letter',
      archivedLetterId: dto.archivedLetterId ?? '',
      sectionIndex: dto.sectionIndex ?? null,
    };
  }
  return { kind: 'past_reply', replyId: dto.replyId ?? '', sectionIndex: dto.sectionIndex ?? null };
}
