export * from './identity.module';
export * from './identity.repository';
export * from './identity.service';
export * from './identity.types';
export * from './password-hasher';
export * from './entities/organisation.entity';
export * from './entities/user.entity';
export * from './entities/refresh-token.entity';
