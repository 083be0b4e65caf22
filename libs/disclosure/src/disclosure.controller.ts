import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { fileResponse } from '@dafu/platform/http/file-response';
import { Public } from '@dafu/platform/auth/auth.decorators';
import { PublicFeedQueryDto, PublicReplyDto, PublicReplyPageDto, PublicSessionDto } from './dto/disclosure.dto';
import { DisclosureService } from './disclosure.service';

/**
 * 公开: read-only and unauthenticated. Rate limit, ETag and Cache-Control come from the
 * /public/ prefix hooks (platform/http/public-http.ts).
 */
@ApiTags('public')
@Controller('public')
export class DisclosureController {
  constructor(private readonly disclosure: DisclosureService) {}

  @Get('replies')
  @Public()
  @ApiOkResponse({ type: PublicReplyPageDto, description: 'issued replies marked public, newest first' })
  feed(@Query() query: PublicFeedQueryDto) {
    return this.disclosure.feed({ ...query, page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
  }

  @Get('replies/:id')
  @Public()
  @ApiOkResponse({ type: PublicReplyDto })
  reply(@Param('id', ParseUUIDPipe) id: string) {
    return this.disclosure.reply(id);
  }

  @Get('replies/:id/pdf')
  @Public()
  @ApiProduces('application/pdf')
  async pdf(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return fileResponse(await this.disclosure.pdf(id), 'inline');
  }

  @Get('sessions')
  @Public()
  @ApiOkResponse({ type: [PublicSessionDto], description: 'sessions with published replies' })
  sessions() {
    return this.disclosure.sessions();
  }
}
