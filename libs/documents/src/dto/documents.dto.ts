import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { LetterFormat } from '../domain/letter';
import { DeliveryChannel, DeliveryRecipientKind, DeliveryStatus } from '../entities/delivery.entity';
import { ReplyDocumentKind } from '../entities/reply-document.entity';
import { VerificationVerdict } from '../verification/verdict';
import { LetterPreviewFormat } from '../documents.types';

export class DocumentKindParam {
  @ApiProperty({ enum: ReplyDocumentKind, enumName: 'ReplyDocumentKind' })
  @IsEnum(ReplyDocumentKind)
  kind: ReplyDocumentKind;
}

export class LetterPreviewQuery {
  @ApiPropertyOptional({ enum: LetterPreviewFormat, enumName: 'LetterPreviewFormat', default: LetterPreviewFormat.Svg })
  @IsOptional()
  @IsEnum(LetterPreviewFormat)
  format?: LetterPreviewFormat;
}

export class LetterSettingsDto {
  @ApiProperty() bureauId: string;
  @ApiProperty({ enum: LetterFormat, enumName: 'LetterFormat', description: 'document 文件格式 / letter 信函格式' })
  format: LetterFormat;
  @ApiProperty({ example: '三门峡市民政局文件' }) headerTitle: string;
  @ApiProperty() printsGradeMark: boolean;
  @ApiProperty() hasSeal: boolean;
  @ApiProperty({ description: 'what an update must name; 0 while the defaults apply' }) version: number;
  @ApiProperty({ description: 'false while the defaults apply' }) configured: boolean;
  @ApiProperty({ nullable: true, type: Date }) updatedAt: Date | null;
}

export class LetterSettingsInputDto {
  @ApiProperty({ enum: LetterFormat, enumName: 'LetterFormat' }) @IsEnum(LetterFormat) format: LetterFormat;

  @ApiProperty({ example: '三门峡市民政局文件', description: '发文机关标志, printed in red' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Matches(/\S/)
  headerTitle: string;

  @ApiProperty({ description: 'print 办理结果：A at the top right of page 1' }) @IsBoolean() printsGradeMark: boolean;

  @ApiProperty({ description: 'the version read (0 while the defaults apply)' }) @IsInt() @Min(0) version: number;
}

export class SigningCredentialDto {
  @ApiProperty() id: string;
  @ApiProperty() bureauId: string;
  @ApiProperty() certificatePem: string;
  @ApiProperty({ description: 'made by the system on first use; not certified by anyone' }) selfSigned: boolean;
  @ApiProperty() subject: string;
  @ApiProperty() serialNumber: string;
  @ApiProperty() fingerprintSha256: string;
  @ApiProperty() notBefore: Date;
  @ApiProperty() notAfter: Date;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) retiredAt: Date | null;
}

export class SigningCredentialInputDto {
  @ApiProperty({ description: 'X.509 certificate, PEM' })
  @IsString()
  @MaxLength(20000)
  @Matches(/-----BEGIN CERTIFICATE-----/)
  certificatePem: string;

  @ApiProperty({ description: 'its private key, PEM (PKCS#8 or PKCS#1); stored sealed, never returned' })
  @IsString()
  @MaxLength(20000)
  @Matches(/-----BEGIN (RSA |EC )?PRIVATE KEY-----/)
  privateKeyPem: string;

  @ApiPropertyOptional({ type: [String], description: 'intermediate certificates, PEM' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(20000, { each: true })
  chainPem?: string[];
}

export class DeliveryDto {
  @ApiProperty() id: string;
  @ApiProperty() replyId: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: DeliveryRecipientKind, enumName: 'DeliveryRecipientKind' }) recipientKind: DeliveryRecipientKind;
  @ApiProperty({ example: '市政协提案委' }) recipientName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) postalAddress: string | null;
  @ApiProperty({ example: 2 }) copies: number;
  @ApiProperty({ enum: DeliveryChannel, enumName: 'DeliveryChannel' }) channel: DeliveryChannel;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' }) status: DeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the e-mail’s Message-ID, to trace it in the mail server' })
  messageId: string | null;
  @ApiProperty({ nullable: true, type: Date }) sentAt: Date | null;
}

export class MailroomItemDto extends DeliveryDto {
  @ApiProperty({ example: '三民文〔2023〕21号' }) documentNumber: string;
  @ApiProperty() replyTitle: string;
  @ApiProperty({ nullable: true, type: Date }) issuedAt: Date | null;
}

class VerifiedDocumentDto {
  @ApiProperty({ enum: ReplyDocumentKind, enumName: 'ReplyDocumentKind' }) kind: ReplyDocumentKind;
  @ApiProperty() sha256: string;
  @ApiProperty() sizeBytes: number;
}

export class IssuedLetterDto {
  @ApiProperty() replyId: string;
  @ApiProperty({ example: '三民文〔2023〕21号' }) documentNumber: string;
  @ApiProperty({ example: '三门峡市民政局' }) bureauName: string;
  @ApiProperty({ example: '李立明' }) signatoryName: string;
  @ApiProperty({ example: '2023-06-30' }) signedOn: string;
  @ApiProperty({ nullable: true, type: Date }) issuedAt: Date | null;
  @ApiProperty({ description: 'declared void after signing; the number stays taken' }) voided: boolean;
  @ApiProperty({ type: [VerifiedDocumentDto] }) documents: VerifiedDocumentDto[];
}

export class UploadVerificationDto {
  @ApiProperty({ enum: VerificationVerdict, enumName: 'VerificationVerdict' }) verdict: VerificationVerdict;
  @ApiProperty({ description: 'SHA-256 of the uploaded file' }) sha256: string;
  @ApiProperty({ type: IssuedLetterDto, nullable: true }) letter: IssuedLetterDto | null;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}
