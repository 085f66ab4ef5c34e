import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Environment } from '../config/environment';
import { AccessGuard } from './access.guard';
import { resolveJwtSecret } from './jwt-secret';
import { Tokens } from './tokens';

@Global()
@Module({
  providers: [
    { provide: Tokens, inject: [Environment], useFactory: (env: Environment) => new Tokens(resolveJwtSecret(env)) },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [Tokens],
})
export class AuthModule {}
