import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
  ValidateNested,
} from 'class-validator';
import { AssignmentRole, SessionBody } from '@dafu/platform/vocabulary';
import { AssignmentStatus } from '../domain/assignment-status';
import { RequestStatus } from '../entities/handling-requests.entity';
import { IsOmittable } from '@dafu/platform/validation/validation';

export class PlannedAssignmentDto {
  @ApiProperty() @IsUUID() bureauId: string;
  @ApiProperty({ enum: AssignmentRole, enumName: 'AssignmentRole', description: 'lead 主办 / co 会办 / separate 分办' })
  @IsEnum(AssignmentRole)
  role: AssignmentRole;
}

export class AssignProposalDto {
  @ApiProperty({ type: [PlannedAssignmentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PlannedAssignmentDto)
  assignments: PlannedAssignmentDto[];

  @ApiPropertyOptional({ description: 'Date of 交办; defaults to today (Asia/Shanghai)', example: '2023-03-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  assignedOn?: string;
}

export class AssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty() proposalId: string;
  @ApiProperty() bureauId: string;
  @ApiProperty({ enum: AssignmentRole, enumName: 'AssignmentRole' }) role: AssignmentRole;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status: AssignmentStatus;
  @ApiProperty({ example: '2023-03-01' }) assignedOn: string;
  @ApiProperty({ example: '2023-06-01' }) dueOn: string;
  @ApiProperty({ example: '2023-03-08', description: 'Last day to acknowledge or ask for reassignment' })
  acknowledgeBy: string;
  @ApiProperty({ nullable: true, type: Date }) acknowledgedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) reassignedFromId: string | null;
  @ApiProperty({ nullable: true, type: String }) assignedBy: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
}

export class AssignmentViewDto extends AssignmentDto {
  @ApiProperty() bureauName: string;
  @ApiProperty() proposalNumber: number;
  @ApiProperty() proposalTitle: string;
  @ApiProperty() sessionId: string;
  @ApiProperty({ description: 'Calendar days until the due date; negative when overdue' }) daysLeft: number;
  @ApiProperty({ description: 'Working days until the due date (holidays and 调休 counted)' }) workingDaysLeft: number;
  @ApiProperty({ description: 'Not acknowledged within the window: counts as accepted (默认签收)' })
  acceptedByDefault: boolean;
}

/** An item of GET /assignments: the same fields as one assignment (its own schema name, which the web client uses). */
export class AssignmentListItemDto extends AssignmentViewDto {}

class TimelineTextDto {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class TimelineEntryDto {
  @ApiProperty() at: Date;
  @ApiProperty({ nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) fromState: string | null;
  @ApiProperty({ nullable: true, type: String }) toState: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: TimelineTextDto }) text: TimelineTextDto;
}

export class ListAssignmentsQuery {
  @ApiPropertyOptional({ description: 'true: only items the bureau still has to work on' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() proposalId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() bureauId?: string;
  @ApiPropertyOptional({ enum: AssignmentStatus, enumName: 'AssignmentStatus' })
  @IsOptional()
  @IsEnum(AssignmentStatus)
  status?: AssignmentStatus;
  @ApiPropertyOptional({ enum: AssignmentRole, enumName: 'AssignmentRole' })
  @IsOptional()
  @IsEnum(AssignmentRole)
  role?: AssignmentRole;
}

export class ImportQuery {
  @ApiProperty() @IsUUID() sessionId: string;
  @ApiPropertyOptional({ description: 'Date of 交办 for rows naming bureaus; defaults to today' })
  @IsOptional()
  @IsISO8601({ strict: true })
  assignedOn?: string;
}

export class ImportResultDto {
  @ApiProperty() imported: number;
  @ApiProperty({ description: 'Assignments made for rows that name bureaus' }) assignments: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { id: { type: 'string' }, number: { type: 'number' } } },
  })
  proposals: { id: string; number: number }[];
}

export class RequestReassignmentDto {
  @ApiProperty({ example: '该事项属市住建局职责' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
  @ApiPropertyOptional({ description: 'The bureau this one believes should handle it' })
  @IsOptional()
  @IsUUID()
  suggestedBureauId?: string;
}

export class ApproveReassignmentDto {
  @ApiPropertyOptional({ description: 'Defaults to the bureau the request suggested' })
  @IsOptional()
  @IsUUID()
  bureauId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class ReassignDto {
  @ApiProperty() @IsUUID() bureauId: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class RequestExtensionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
  @ApiProperty({ example: '2023-08-13' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  requestedDueOn: string;
}

export class DecisionNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

class HandlingRequestDto {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: RequestStatus, enumName: 'RequestStatus' }) status: RequestStatus;
  @ApiProperty({ description: 'The clerk who asked' }) requestedBy: string;
  @ApiProperty({ type: String, nullable: true }) requestedByName: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, nullable: true, description: 'The registrar who decided' }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
}

/** 申请调整. */
export class ReassignmentRequestDto extends HandlingRequestDto {
  @ApiProperty({ type: String, nullable: true }) suggestedBureauId: string | null;
  @ApiProperty({ type: String, nullable: true }) suggestedBureauName: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The other bureau's assignment once approved" })
  newAssignmentId: string | null;
}

/** 申请延期. */
export class ExtensionRequestDto extends HandlingRequestDto {
  @ApiProperty({ example: '2023-06-01' }) previousDueOn: string;
  @ApiProperty({ example: '2023-08-01' }) requestedDueOn: string;
}

export class AssignmentRequestsDto {
  @ApiProperty({ type: [ReassignmentRequestDto], description: 'Oldest first' }) reassignments: ReassignmentRequestDto[];
  @ApiProperty({ type: [ExtensionRequestDto], description: 'Oldest first' }) extensions: ExtensionRequestDto[];
}

export class HandlingRulesDto {
  @ApiProperty({ example: 5, description: 'Working days to acknowledge or ask for reassignment' })
  acknowledgeWorkingDays: number;
  @ApiProperty({ example: 3 }) replyMonths: number;
  @ApiProperty({ example: 1 }) coOpinionMonths: number;
  @ApiProperty({ example: 6, description: 'Extensions may not pass this many months from assignment' })
  extensionCapMonths: number;
  @ApiProperty({ example: 1 }) rehandlingMonths: number;
  @ApiProperty({ example: false }) talkRequiredBeforeReview: boolean;
  @ApiProperty({ example: [14, 7, 3, 1], description: 'Reminders this many calendar days before each due date' })
  reminderDaysBefore: number[];
  @ApiProperty({ example: true, description: 'A reminder on the due date itself' }) reminderOnDueDay: boolean;
  @ApiProperty({ example: 3, description: 'While overdue, a reminder and escalation every this many working days' })
  reminderOverdueEveryWorkingDays: number;
  @ApiProperty({ example: 0, description: 'A public reply appears this many working days after issue (0: at once)' })
  publicationDelayWorkingDays: number;
}

export class BodyRulesDto {
  @ApiProperty({ enum: SessionBody, enumName: 'SessionBody' }) body: SessionBody;
  @ApiProperty({ type: HandlingRulesDto }) rules: HandlingRulesDto;
}

export class UpdateHandlingRulesDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 30 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(30)
  acknowledgeWorkingDays?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 12 }) @IsOmittable() @IsInt() @Min(1) @Max(12) replyMonths?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 6 }) @IsOmittable() @IsInt() @Min(1) @Max(6) coOpinionMonths?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 24 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(24)
  extensionCapMonths?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 6 }) @IsOmittable() @IsInt() @Min(1) @Max(6) rehandlingMonths?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() talkRequiredBeforeReview?: boolean;
  @ApiPropertyOptional({ type: [Number], maxItems: 8, description: 'Each 1 to 90 days' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(8)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(90, { each: true })
  reminderDaysBefore?: number[];
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() reminderOnDueDay?: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: 30 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(30)
  reminderOverdueEveryWorkingDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 60 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(60)
  publicationDelayWorkingDays?: number;
}

export class UpdatedRulesDto {
  @ApiProperty({ type: HandlingRulesDto }) rules: HandlingRulesDto;
  @ApiProperty({ description: 'Open assignments whose stored dates moved' }) moved: number;
}
