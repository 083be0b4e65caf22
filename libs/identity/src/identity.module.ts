import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthService } from './auth.service';
import { JwtStrategy, LocalStrategy } from './auth.strategies';
import { OrganisationEntity } from './entities/organisation.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { AuthController, OrganisationsController, UsersController } from './identity.controller';
import { IdentityRepository } from './identity.repository';
import { IdentityService } from './identity.service';
import { PasswordHasher } from './password-hasher';

@Module({
  imports: [
    TypeOrmModule.forFeature([OrganisationEntity, UserEntity, RefreshTokenEntity]),
    PassportModule,
    JwtModule.register({}),
  ],
  controllers: [AuthController, OrganisationsController, UsersController],
  providers: [IdentityRepository, IdentityService, AuthService, PasswordHasher, LocalStrategy, JwtStrategy],
  exports: [IdentityRepository, IdentityService, PasswordHasher],
})
export class IdentityModule {}
