import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DafuConfig } from '../config/dafu-config';
import { postgresOptions } from './database-settings';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DafuConfig],
      useFactory: (config: DafuConfig) => ({
        ...postgresOptions(config.database),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
