import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { FeedbackChannel, Satisfaction } from '../domain/feedback';

export class RecordFeedbackDto {
  @ApiProperty({ enum: Satisfaction, enumName: 'Satisfaction', description: '对办理工作的评价' })
  @IsEnum(Satisfaction)
  workRating: Satisfaction;

  @ApiProperty({ enum: Satisfaction, enumName: 'Satisfaction', description: '对办理结果的评价' })
  @IsEnum(Satisfaction)
  resultRating: Satisfaction;

  @ApiProperty({ description: '答复前承办单位是否与提出人沟通（见面）' })
  @IsBoolean()
  talkedBeforeReply: boolean;

  @ApiPropertyOptional({ example: '希望进一步落实日间照料中心的运营补贴。' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comments?: string;
}

export class FeedbackDto {
  @ApiProperty() id: string;
  @ApiProperty() replyId: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty() bureauId: string;
  @ApiProperty() proposalId: string;
  @ApiProperty({ enum: Satisfaction, enumName: 'Satisfaction' }) workRating: Satisfaction;
  @ApiProperty({ enum: Satisfaction, enumName: 'Satisfaction' }) resultRating: Satisfaction;
  @ApiProperty() talkedBeforeReply: boolean;
  @ApiProperty() comments: string;
  @ApiProperty({ enum: FeedbackChannel, enumName: 'FeedbackChannel' }) channel: FeedbackChannel;
  @ApiProperty({ nullable: true, type: String }) recordedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedByName: string | null;
  @ApiProperty() recordedAt: Date;
}

export class FeedbackResultDto extends FeedbackDto {
  @ApiProperty({ enum: ['close', 'rehandle'] }) outcome: 'close' | 'rehandle';
  @ApiProperty() assignmentStatus: string;
  @ApiProperty({ nullable: true, type: String, description: '重新办理的办理期限' }) rehandlingDueOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: '重新办理的新答复（草稿）' }) newReplyId: string | null;
}

export class PublicFeedbackViewDto {
  @ApiProperty() proposalNumber: number;
  @ApiProperty() proposalKind: string;
  @ApiProperty() proposalTitle: string;
  @ApiProperty({ nullable: true, type: String }) sessionName: string | null;
  @ApiProperty() bureauName: string;
  @ApiProperty({ nullable: true, type: String }) documentNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) signedOn: string | null;
  @ApiProperty({ description: 'The feedback for this letter is already recorded' }) answered: boolean;
  @ApiProperty() expiresAt: Date;
}

export class PublicFeedbackRecordedDto {
  @ApiProperty() recorded: boolean;
  @ApiProperty() recordedAt: Date;
}

export class RecordFollowUpDto {
  @ApiProperty({ example: '经积极协调，该项目已列入2024年民生实事并建成投用。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50_000)
  body: string;

  @ApiProperty({ example: '2024-03-01', description: '跟踪办理函的日期' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  sentOn: string;

  @ApiProperty({ description: '所提问题已解决：移出跟踪办理名单' })
  @IsBoolean()
  solved: boolean;
}

export class FollowUpLetterDto {
  @ApiProperty() id: string;
  @ApiProperty() replyId: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty() bureauId: string;
  @ApiProperty() proposalId: string;
  @ApiProperty() body: string;
  @ApiProperty() sentOn: string;
  @ApiProperty() solved: boolean;
  @ApiProperty() recordedBy: string;
  @ApiProperty({ nullable: true, type: String }) recordedByName: string | null;
  @ApiProperty() recordedAt: Date;
}

export class FollowUpListItemDto {
  @ApiProperty() replyId: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty() proposalId: string;
  @ApiProperty() proposalNumber: number;
  @ApiProperty() proposalTitle: string;
  @ApiProperty() sessionId: string;
  @ApiProperty() bureauId: string;
  @ApiProperty() bureauName: string;
  @ApiProperty({ example: 'B' }) grade: string;
  @ApiProperty({ nullable: true, type: String }) documentNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) signedOn: string | null;
  @ApiProperty({ nullable: true, type: Date }) issuedAt: Date | null;
  @ApiProperty({ description: 'Follow-up letters so far' }) letters: number;
  @ApiProperty({ nullable: true, type: String }) lastLetterOn: string | null;
}

export class FollowUpPageDto {
  @ApiProperty({ type: [FollowUpListItemDto] }) items: FollowUpListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ListFollowUpsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() bureauId?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}
