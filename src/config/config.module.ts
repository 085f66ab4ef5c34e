import { DynamicModule, Global, Module } from '@nestjs/common';
import { Environment } from './environment';

/** Provides the environment validated at boot; tests pass their own. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Environment): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: Environment, useValue: env }], exports: [Environment] };
  }
}
