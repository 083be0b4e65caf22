import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Role, SessionBody } from '@dafu/platform/vocabulary';
import { ReplyStatus } from '../domain/reply-status';
import { CcEntryDto, ReplyContentDto } from './reply-content.dto';

export class SaveDraftDto {
  @ApiProperty({ description: 'The version this edit starts from; a newer one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiProperty({ type: ReplyContentDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReplyContentDto)
  content: ReplyContentDto;
}

export class VersionedActionDto {
  @ApiProperty({ description: 'The version the actor read; a newer one answers 409' }) @IsInt() @Min(1) version: number;
}

export class ApproveDto extends VersionedActionDto {
  @ApiProperty({ required: false, example: '同意，报办公室审核' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

/** Where a comment points: the whole letter, a part of it, or a numbered section (section:0 is 一、). */
export const COMMENT_ANCHOR =
  /^(general|title|addressees|opening|preamble|closing|issuer|contact|cc|disclosure|grade|section:[0-9]{1,3})$/;

export class ReviewCommentInputDto {
  @ApiProperty({
    example: 'section:1',
    description:
      'general, title, addressees, opening, preamble, closing, issuer, contact, cc, disclosure, grade, or section:N (0-based)',
  })
  @Matches(COMMENT_ANCHOR)
  anchor: string;
  @ApiProperty({ example: '请补充养老床位建设的具体数字' }) @IsString() @IsNotEmpty() @MaxLength(5000) body: string;
}

export class SendBackDto extends VersionedActionDto {
  @ApiProperty({ type: [ReviewCommentInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReviewCommentInputDto)
  comments: ReviewCommentInputDto[];
}

export class AnswerCommentDto {
  @ApiProperty({ example: '已补充，见第二部分' }) @IsString() @IsNotEmpty() @MaxLength(5000) answer: string;
}

export class SignOffDto extends VersionedActionDto {
  @ApiProperty({ required: false, example: 'A', description: 'The final grade when it differs from the proposed one' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  grade?: string;
  @ApiProperty({ required: false, description: 'Required when the grade differs from the proposed one' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  gradeChangeReason?: string;
}

export class ReasonDto {
  @ApiProperty({ example: '答复对象有误，重新答复' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class DiffQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) from: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) to: number;
}

export class ReviewStepDto {
  @ApiProperty({ example: '科室审核' }) @IsString() @MaxLength(50) name: string;
  @ApiProperty({ enum: [Role.Reviewer, Role.Signatory] }) @IsIn([Role.Reviewer, Role.Signatory]) role:
    Role.Reviewer | Role.Signatory;
}

export class ReviewChainInputDto {
  @ApiProperty({ type: [ReviewStepDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReviewStepDto)
  steps: ReviewStepDto[];
}

export class ReviewChainDto {
  @ApiProperty() bureauId: string;
  @ApiProperty({ type: [ReviewStepDto] }) steps: ReviewStepDto[];
  @ApiProperty({ description: 'false: the default chain applies' }) configured: boolean;
  @ApiProperty({ example: '科室审核 → 办公室审核 → 签发' }) description: string;
}

export class ReplyTemplateInputDto {
  @ApiProperty({ enum: SessionBody, enumName: 'SessionBody' }) @IsEnum(SessionBody) body: SessionBody;
  @ApiProperty({ type: String, nullable: true, description: "null: the body's template for every bureau" })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  bureauId: string | null;
  @ApiProperty({ example: '对{session}第{number}号{kind}的答复' }) @IsString() @MaxLength(500) titleTemplate: string;
  @ApiProperty({ example: '您提出的“{title}”已收悉。现答复如下：' })
  @IsString()
  @MaxLength(2000)
  openingTemplate: string;
  @ApiProperty({ example: '您单位提出的“{title}”已收悉。现答复如下：' })
  @IsString()
  @MaxLength(2000)
  organisationOpeningTemplate: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  closing: string[];
  @ApiProperty({ type: [CcEntryDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CcEntryDto)
  defaultCc: CcEntryDto[];
  @ApiProperty() @IsBoolean() headingsOnOwnLine: boolean;
  @ApiProperty({ example: '' }) @IsString() @MaxLength(20) honorific: string;
}

export class ReplyTemplateDto extends ReplyTemplateInputDto {
  @ApiProperty({ type: String, nullable: true, description: 'null for the built-in default' }) id: string | null;
  @ApiProperty() version: number;
}

export class GradeClassDto {
  @ApiProperty({ example: 'A' }) @Matches(/^[A-Z]$/) grade: string;
  @ApiProperty({ example: '已解决或基本解决' }) @IsString() @IsNotEmpty() @MaxLength(50) label: string;
  @ApiProperty({ example: '所提问题已经解决或基本解决' }) @IsString() @MaxLength(500) meaning: string;
}

export class GradeScaleInputDto {
  @ApiProperty({ type: [GradeClassDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => GradeClassDto)
  classes: GradeClassDto[];
}

export class GradeScaleDto extends GradeScaleInputDto {
  @ApiProperty({ enum: SessionBody, enumName: 'SessionBody' }) body: SessionBody;
  @ApiProperty() version: number;
}

export class DocumentNumberSeriesInputDto {
  @ApiProperty({ example: '三民文' }) @IsString() @IsNotEmpty() @MaxLength(20) prefix: string;
  @ApiProperty({ example: 2023 }) @IsInt() @Min(1949) @Max(2200) year: number;
  @ApiProperty({
    example: 20,
    description: 'The last number already used outside Dafu; the next sign-off takes the one after',
  })
  @IsInt()
  @Min(0)
  @Max(99_999)
  lastNumber: number;
}

export class DocumentNumberSeriesDto {
  @ApiProperty() prefix: string;
  @ApiProperty() year: number;
  @ApiProperty() lastNumber: number;
  @ApiProperty() updatedAt: Date;
}

export class ReplySummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty() proposalId: string;
  @ApiProperty() proposalNumber: number;
  @ApiProperty() proposalTitle: string;
  @ApiProperty() round: number;
  @ApiProperty({ enum: ReplyStatus, enumName: 'ReplyStatus' }) status: ReplyStatus;
  @ApiProperty({ type: String, nullable: true }) currentStepName: string | null;
  @ApiProperty() version: number;
  @ApiProperty() lastSavedAt: Date;
  @ApiProperty({ type: String, nullable: true }) documentNumber: string | null;
  @ApiProperty() dueOn: string;
}

export class ReplyViewDto {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty() bureauId: string;
  @ApiProperty() bureauName: string;
  @ApiProperty() proposalId: string;
  @ApiProperty() proposalNumber: number;
  @ApiProperty() proposalTitle: string;
  @ApiProperty() round: number;
  @ApiProperty({ enum: ReplyStatus, enumName: 'ReplyStatus' }) status: ReplyStatus;
  @ApiProperty({ type: [ReviewStepDto] }) reviewSteps: ReviewStepDto[];
  @ApiProperty({ type: Number, nullable: true }) currentStep: number | null;
  @ApiProperty({ type: String, nullable: true }) currentStepName: string | null;
  @ApiProperty({ enum: Role, nullable: true }) waitingFor: Role | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: ReplyContentDto }) content: ReplyContentDto;
  @ApiProperty() lastSavedBy: string;
  @ApiProperty({ type: String, nullable: true }) lastSavedByName: string | null;
  @ApiProperty() lastSavedAt: Date;
  @ApiProperty({ type: String, nullable: true }) grade: string | null;
  @ApiProperty({ type: String, nullable: true, example: '三民文〔2023〕21号' }) documentNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) signatoryName: string | null;
  @ApiProperty({ type: String, nullable: true }) signedOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the due date the reply answered, fixed at sign-off' })
  dueOn: string | null;
  @ApiProperty({ type: Number, nullable: true }) signedVersion: number | null;
  @ApiProperty({ type: String, nullable: true }) voidReason: string | null;
}

export class ReplyVersionSummaryDto {
  @ApiProperty() number: number;
  @ApiProperty() savedBy: string;
  @ApiProperty({ type: String, nullable: true }) savedByName: string | null;
  @ApiProperty() savedAt: Date;
}

export class ReplyVersionDto extends ReplyVersionSummaryDto {
  @ApiProperty({ type: ReplyContentDto }) content: ReplyContentDto;
}

export class ReviewCommentDto {
  @ApiProperty() id: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty() stepName: string;
  @ApiProperty() anchor: string;
  @ApiProperty() body: string;
  @ApiProperty() authorId: string;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) answeredAt: Date | null;
}
