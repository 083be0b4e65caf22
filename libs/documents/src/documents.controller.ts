import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { fileResponse } from '@dafu/platform/http/file-response';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, Public, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { readUploadedFile } from '@dafu/platform/http/uploaded-file';
import {
  DeliveryDto,
  IssuedLetterDto,
  LetterSettingsDto,
  LetterPreviewQuery,
  LetterSettingsInputDto,
  MailroomItemDto,
  SigningCredentialDto,
  SigningCredentialInputDto,
  UploadVerificationDto,
} from './dto/documents.dto';
import { LetterPreviewFormat } from './documents.types';
import { ReplyDocumentKind } from './entities/reply-document.entity';
import { LetterDocumentsService } from './letter-documents.service';
import { LetterSettingsService } from './letter-settings.service';
import { SigningCredentialsService } from './signing-credentials.service';

const UPLOAD_BODY = { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } };

@ApiTags('letters')
@ApiBearerAuth()
@Controller()
export class LettersController {
  constructor(private readonly documents: LetterDocumentsService) {}

  @Get('replies/:id/documents/:kind')
  @RequirePermission(Permission.ReplyRead)
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  async download(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('kind', new ParseEnumPipe(ReplyDocumentKind)) kind: ReplyDocumentKind,
  ): Promise<StreamableFile> {
    return fileResponse(await this.documents.download(actor, id, kind));
  }

  @Get('replies/:id/preview')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({
    description: 'the letter as it will print, unsigned: the latest draft, 〔文号待编〕 until sign-off, dated today',
    content: {
      'image/svg+xml': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async preview(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: LetterPreviewQuery) {
    return fileResponse(await this.documents.preview(actor, id, query.format ?? LetterPreviewFormat.Svg), 'inline');
  }

  @Get('replies/:id/deliveries')
  @RequirePermission(Permission.ReplyRead)
  @ApiOkResponse({ type: [DeliveryDto] })
  deliveries(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.deliveries(actor, id);
  }

  @Get('mailroom')
  @RequirePermission(Permission.MailroomRead)
  @ApiOkResponse({ type: [MailroomItemDto], description: 'letters to print and post, with their copies' })
  mailroom(@Auth() actor: Actor) {
    return this.documents.mailroom(actor);
  }

  @Get('mailroom/print')
  @RequirePermission(Permission.MailroomRead)
  @ApiProduces('application/pdf')
  async printMailroom(@Auth() actor: Actor): Promise<StreamableFile> {
    return fileResponse(await this.documents.printMailroom(actor));
  }

  @Post('deliveries/:id/posted')
  @HttpCode(200)
  @RequirePermission(Permission.MailroomPost)
  @ApiOkResponse({ type: DeliveryDto })
  posted(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.markPosted(actor, id);
  }
}

/** Anyone may check a letter: the proposer, a cc recipient, a journalist. */
@ApiTags('verify')
@Controller()
export class VerificationController {
  constructor(private readonly documents: LetterDocumentsService) {}

  @Get('verify/:reference')
  @Public()
  @ApiOkResponse({ type: IssuedLetterDto, description: 'by 文号 (URL-encoded) or a file’s SHA-256' })
  byReference(@Param('reference') reference: string) {
    return this.documents.verifyReference(reference);
  }

  @Post('verify')
  @Public()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOkResponse({ type: UploadVerificationDto })
  async upload(@Req() request: FastifyRequest) {
    const file = await readUploadedFile(request).catch((error: unknown) => {
      if (error instanceof DafuError && error.code === ErrorCode.ImportFileMissing)
        throw new DafuError(ErrorCode.VerifyFileMissing);
      throw error;
    });
    return this.documents.verifyUpload(file.content);
  }
}

@ApiTags('letters')
@ApiBearerAuth()
@Controller('bureaus/:id')
export class LetterSettingsController {
  constructor(
    private readonly settings: LetterSettingsService,
    private readonly credentials: SigningCredentialsService,
  ) {}

  @Get('letter-settings')
  @RequirePermission(Permission.LetterSettingsRead)
  @ApiOkResponse({ type: LetterSettingsDto })
  get(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.settings.get(actor, id);
  }

  @Put('letter-settings')
  @RequirePermission(Permission.LetterSettingsManage)
  @ApiOkResponse({ type: LetterSettingsDto })
  update(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LetterSettingsInputDto) {
    return this.settings.update(actor, id, dto);
  }

  @Put('letter-settings/seal')
  @RequirePermission(Permission.LetterSettingsManage)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOkResponse({ type: LetterSettingsDto })
  async setSeal(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest) {
    return this.settings.setSeal(actor, id, await readUploadedFile(request));
  }

  @Delete('letter-settings/seal')
  @RequirePermission(Permission.LetterSettingsManage)
  @ApiOkResponse({ type: LetterSettingsDto })
  removeSeal(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.settings.setSeal(actor, id, null);
  }

  @Get('signing-credentials')
  @RequirePermission(Permission.SigningCredentialManage)
  @ApiOkResponse({ type: [SigningCredentialDto] })
  credentialsOf(@Param('id', ParseUUIDPipe) id: string) {
    return this.credentials.list(id);
  }

  @Post('signing-credentials')
  @RequirePermission(Permission.SigningCredentialManage)
  @ApiOkResponse({ type: SigningCredentialDto })
  upload(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SigningCredentialInputDto) {
    return this.credentials.upload(actor, id, dto);
  }
}
