import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import { readUploadedLetterFiles } from './archive-upload';
import { ArchiveService } from './archive.service';
import { ListArchivedLettersQuery } from './dto/archive.dto';

@ApiTags('archive')
@ApiBearerAuth()
@Controller('archive')
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  @Post('imports')
  @RequirePermission(Permission.ArchiveImport)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } },
  })
  async import(@Auth() actor: Actor, @Req() request: FastifyRequest) {
    const { files, skipped } = await readUploadedLetterFiles(request);
    return this.archive.import(actor, files, skipped);
  }

  @Get('imports/:id')
  @RequirePermission(Permission.ArchiveImport)
  getImport(@Param('id', ParseUUIDPipe) id: string) {
    return this.archive.getImport(id);
  }

  @Get('letters')
  @RequirePermission(Permission.ArchiveRead)
  listLetters(@Query() query: ListArchivedLettersQuery) {
    return this.archive.listLetters(query);
  }

  @Get('letters/:id')
  @RequirePermission(Permission.ArchiveRead)
  getLetter(@Param('id', ParseUUIDPipe) id: string) {
    return this.archive.getLetter(id);
  }
}
