import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { DafuConfig } from './dafu-config';
import { validateEnvironment } from './environment';

@Global()
@Module({
  imports: [
    NestConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      validate: validateEnvironment,
      // Tests set their own environment; a developer's .env must not leak into them.
      ignoreEnvFile: process.env.NODE_ENV === 'test',
    }),
  ],
  providers: [{ provide: DafuConfig, useFactory: () => new DafuConfig(validateEnvironment(process.env)) }],
  exports: [DafuConfig],
})
export class PlatformConfigModule {}
