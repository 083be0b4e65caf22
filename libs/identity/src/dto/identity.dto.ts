import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { IsOmittable } from '@dafu/platform/validation/validation';

export class OrganisationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '三门峡市民政局' }) name: string;
  @ApiProperty({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' }) kind: OrganisationKind;
  @ApiProperty({ nullable: true, type: String, example: '三民文' }) documentNumberPrefix: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'mzj@smx.gov.cn' }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) postalAddress: string | null;
}

export class ListOrganisationsQuery {
  @ApiPropertyOptional({ enum: OrganisationKind, enumName: 'OrganisationKind' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
}

export class CreateOrganisationDto {
  @ApiProperty({ example: '三门峡市民政局' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: '市民政局' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  shortName?: string;

  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' })
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @ApiPropertyOptional({ example: '三民文', description: '发文字号前缀 (bureaus only)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  documentNumberPrefix?: string;

  @ApiPropertyOptional({ example: 'mzj@smx.gov.cn', description: 'letters cc’d to it are e-mailed here' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ description: 'letters cc’d to it without an e-mail go here by post' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  postalAddress?: string;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(50) shortName?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(20) documentNumberPrefix?: string;
  /** An empty string removes the address. */
  @ApiPropertyOptional() @IsOmittable() @ValidateIf((_, v) => v !== '') @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(200) postalAddress?: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ enum: Role, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ description: 'a city reader may read unsigned drafts (granted by an admin)' })
  mayReadDrafts: boolean;
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: Date;
}

export class ListUsersQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
}

const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{10,}$/;
const PASSWORD_HINT = 'password must have at least 10 characters with letters and digits';

export class CreateUserDto {
  @ApiProperty({ example: 'smx-clerk' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,50}$/, { message: 'username: 3-50 letters, digits, dot, dash or underscore' })
  username: string;

  @ApiProperty({ example: '王丽' }) @IsString() @IsNotEmpty() @MaxLength(50) displayName: string;
  @ApiProperty() @IsUUID() organisationId: string;

  @ApiProperty({ enum: Role, enumName: 'Role', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles: Role[];

  @ApiProperty({ description: PASSWORD_HINT })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  @Matches(PASSWORD_RULE, { message: PASSWORD_HINT })
  password: string;

  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) phone?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(50) displayName?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role', isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'true disables the account and ends its sessions' })
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: PASSWORD_HINT })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  @Matches(PASSWORD_RULE, { message: PASSWORD_HINT })
  password?: string;

  @ApiPropertyOptional() @IsOmittable() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(30) phone?: string;
  @ApiPropertyOptional({
    description: 'lets a supervisor or registrar read the text of unsigned drafts; bureau users read their own anyway',
  })
  @IsOmittable()
  @IsBoolean()
  mayReadDrafts?: boolean;
}
