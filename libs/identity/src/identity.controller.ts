import {
  Body,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@dafu/platform/auth/actor';
import { Permission } from '@dafu/platform/auth/access';
import { Auth, Public, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import { isDatabaseUnavailable } from '@dafu/platform/database/postgres-errors';
import { DafuError } from '@dafu/platform/errors/dafu-error';
import { AuthService } from './auth.service';
import { InvalidCredentialsError } from './errors';
import { IdentityService } from './identity.service';
import type { UserCredentials } from './identity.types';
import { LoginDto, MeDto, RefreshDto, TokensDto } from './dto/auth.dto';
import {
  CreateOrganisationDto,
  CreateUserDto,
  ListOrganisationsQuery,
  ListUsersQuery,
  OrganisationDto,
  UpdateOrganisationDto,
  UpdateUserDto,
  UserDto,
} from './dto/identity.dto';

@Injectable()
class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(err: unknown, user: T, _info: unknown, _context: ExecutionContext): T {
    if (err instanceof DafuError || isDatabaseUnavailable(err)) throw err;
    if (err || !user) throw new InvalidCredentialsError();
    return user;
  }
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOkResponse({ type: TokensDto })
  login(@Body() _credentials: LoginDto, @Req() request: { user: UserCredentials }): Promise<TokensDto> {
    return this.auth.issueTokens(request.user);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  refresh(@Body() dto: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: MeDto })
  me(@Auth() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: [OrganisationDto] })
  list(@Query() query: ListOrganisationsQuery): Promise<OrganisationDto[]> {
    return this.identity.listOrganisations(query.kind);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: OrganisationDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganisationDto> {
    return this.identity.getOrganisation(id);
  }

  @Post()
  @RequirePermission(Permission.OrganisationManage)
  @ApiOkResponse({ type: OrganisationDto })
  create(@Auth() actor: Actor, @Body() dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.identity.createOrganisation(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganisationManage)
  @ApiOkResponse({ type: OrganisationDto })
  update(
    @Auth() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.identity.updateOrganisation(actor, id, dto);
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @RequirePermission(Permission.UserManage)
  @ApiOkResponse({ type: [UserDto] })
  list(@Query() query: ListUsersQuery): Promise<UserDto[]> {
    return this.identity.listUsers(query.organisationId);
  }

  @Post()
  @RequirePermission(Permission.UserManage)
  @ApiOkResponse({ type: UserDto })
  create(@Auth() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.identity.createUser(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.UserManage)
  @ApiOkResponse({ type: UserDto })
  update(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.identity.updateUser(actor, id, dto);
  }
}
