import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { AssignmentRole } from '@dafu/platform/vocabulary';
import { AssignmentStatus } from '@dafu/handling/domain/assignment-status';
import { TREND_WEEKS_DEFAULT, TREND_WEEKS_MAX } from '../domain/overdue-trend';
import { OverdueSort, RankingSort, SortOrder } from '../supervision.types';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class StatisticsQuery {
  @ApiPropertyOptional({ description: 'One session; default: all' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ description: "One bureau; default: all (a bureau's own users: their own)" })
  @IsOptional()
  @IsUUID()
  bureauId?: string;
}

export class RankingQuery {
  @ApiPropertyOptional({ description: 'One session; default: all' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ enum: RankingSort, enumName: 'RankingSort', default: RankingSort.OnTimeRate })
  @IsOptional()
  @IsEnum(RankingSort)
  sort?: RankingSort;
  @ApiPropertyOptional({ enum: SortOrder, enumName: 'SortOrder', description: 'Default: best first' })
  @IsOptional()
  @IsEnum(SortOrder)
  order?: SortOrder;
}

export class OverdueQuery extends StatisticsQuery {
  @ApiPropertyOptional({ enum: OverdueSort, enumName: 'OverdueSort', default: OverdueSort.DaysOverdue })
  @IsOptional()
  @IsEnum(OverdueSort)
  sort?: OverdueSort;
  @ApiPropertyOptional({ enum: SortOrder, enumName: 'SortOrder', default: SortOrder.Desc })
  @IsOptional()
  @IsEnum(SortOrder)
  order?: SortOrder;
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class OverdueTrendQuery extends StatisticsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: TREND_WEEKS_MAX, default: TREND_WEEKS_DEFAULT })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(TREND_WEEKS_MAX)
  weeks?: number;
}

export enum ExportView {
  Statistics = 'statistics',
  Ranking = 'ranking',
  Overdue = 'overdue',
}

export enum ExportFormat {
  Xlsx = 'xlsx',
  Csv = 'csv',
}

export class ExportQuery {
  @ApiProperty({ enum: ExportView, enumName: 'ExportView' }) @IsEnum(ExportView) view: ExportView;
  @ApiProperty({ enum: ExportFormat, enumName: 'ExportFormat' }) @IsEnum(ExportFormat) format: ExportFormat;
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ description: 'statistics and overdue only' }) @IsOptional() @IsUUID() bureauId?: string;
  @ApiPropertyOptional({ description: 'ranking and overdue: the column to sort on' })
  @IsOptional()
  @IsEnum({ ...RankingSort, ...OverdueSort })
  sort?: RankingSort | OverdueSort;
  @ApiPropertyOptional({ enum: SortOrder, enumName: 'SortOrder' }) @IsOptional() @IsEnum(SortOrder) order?: SortOrder;
}

export class RateDto {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Percent to one decimal; null over nothing',
    example: 85.7,
  })
  percent: number | null;
}

export class SatisfactionRatesDto {
  @ApiProperty({ type: RateDto, description: '满意' }) satisfied: RateDto;
  @ApiProperty({ type: RateDto, description: '基本满意' }) basicallySatisfied: RateDto;
  @ApiProperty({ type: RateDto, description: '不满意' }) unsatisfied: RateDto;
  @ApiProperty({ type: RateDto, description: '满意 + 基本满意' }) satisfiedOrBasically: RateDto;
}

export class GradeCountsDto {
  @ApiProperty() A: number;
  @ApiProperty() B: number;
  @ApiProperty() C: number;
  @ApiProperty() D: number;
  @ApiProperty({ description: 'Any other configured grade' }) other: number;
}

export class StatisticsFilterDto {
  @ApiProperty({ nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ nullable: true, type: String }) bureauId: string | null;
}

export class StatisticsDto {
  @ApiProperty({ type: StatisticsFilterDto }) filter: StatisticsFilterDto;
  @ApiProperty({ example: '2023-06-10' }) asOf: string;
  @ApiProperty({
    description: 'Assignments by state, ended ones included',
    type: 'object',
    additionalProperties: { type: 'number' },
    example: Object.fromEntries(Object.values(AssignmentStatus).map((s) => [s, 0])),
  })
  byStatus: Record<AssignmentStatus, number>;
  @ApiProperty({ description: 'Assignments counted: all but reassigned and withdrawn' }) total: number;
  @ApiProperty({ description: 'Counted lead and separate assignments (they owe a reply)' }) replying: number;
  @ApiProperty({ type: RateDto, description: '按时签收' }) acknowledgedOnTime: RateDto;
  @ApiProperty({ type: RateDto, description: '按期答复率' }) repliedOnTime: RateDto;
  @ApiProperty({ type: RateDto, description: '沟通率: talked with the proposer before the reply' })
  talkedBeforeReply: RateDto;
  @ApiProperty() replied: number;
  @ApiProperty({ description: 'Open and past the due date' }) overdue: number;
  @ApiProperty({ description: 'Approved extensions' }) extensions: number;
  @ApiProperty() extendedAssignments: number;
  @ApiProperty() pendingExtensionRequests: number;
  @ApiProperty({ type: GradeCountsDto }) grades: GradeCountsDto;
  @ApiProperty({ description: 'Replying assignments with feedback' }) feedback: number;
  @ApiProperty({ type: SatisfactionRatesDto, description: '办理工作' }) workSatisfaction: SatisfactionRatesDto;
  @ApiProperty({ type: SatisfactionRatesDto, description: '办理结果' }) resultSatisfaction: SatisfactionRatesDto;
  @ApiProperty({ nullable: true, type: Number }) averageDaysToReply: number | null;
}

export class RankingRowDto {
  @ApiProperty() rank: number;
  @ApiProperty() bureauId: string;
  @ApiProperty() bureauName: string;
  @ApiProperty() total: number;
  @ApiProperty() replied: number;
  @ApiProperty({ type: RateDto }) repliedOnTime: RateDto;
  @ApiProperty({ type: RateDto }) talkedBeforeReply: RateDto;
  @ApiProperty({ type: RateDto, description: '(满意 + 基本满意) / feedback, on the result' }) satisfaction: RateDto;
  @ApiProperty() overdue: number;
  @ApiProperty() extensions: number;
  @ApiProperty({ nullable: true, type: Number }) averageDaysToReply: number | null;
}

export class OverdueItemDto {
  @ApiProperty() assignmentId: string;
  @ApiProperty() proposalId: string;
  @ApiProperty() sessionId: string;
  @ApiProperty() sessionName: string;
  @ApiProperty() proposalNumber: number;
  @ApiProperty() proposalTitle: string;
  @ApiProperty() bureauId: string;
  @ApiProperty() bureauName: string;
  @ApiProperty({ enum: AssignmentRole, enumName: 'AssignmentRole' }) role: AssignmentRole;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status: AssignmentStatus;
  @ApiProperty() assignedOn: string;
  @ApiProperty() dueOn: string;
  @ApiProperty({ description: 'Calendar days past the due date' }) daysOverdue: number;
  @ApiProperty({ description: 'Working days past the due date' }) workingDaysOverdue: number;
}

export class OverduePageDto {
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [OverdueItemDto] }) items: OverdueItemDto[];
}

export class OverdueTrendPointDto {
  @ApiProperty({ example: '2023-06-10' }) date: string;
  @ApiProperty({ description: 'Assignments overdue on that date: due before it and not answered by it' })
  overdue: number;
}

export class OverdueTrendDto {
  @ApiProperty({ type: StatisticsFilterDto }) filter: StatisticsFilterDto;
  @ApiProperty({ example: '2023-06-10' }) asOf: string;
  @ApiProperty({ type: [OverdueTrendPointDto], description: 'One a week, oldest first; the last one is today' })
  points: OverdueTrendPointDto[];
}
