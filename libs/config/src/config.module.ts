import type { DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Environment, validateServingEnvironment } from './environment';

export type AppConfig = ConfigService<Environment, true>;

/**
 * The global configuration, validated once at boot. A function, not a module class, because ConfigModule.forRoot
 * validates (and writes defaults back to process.env) as soon as it is called: only an app's root module should.
 */
export function appConfigModule(): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    cache: true,
    validate: validateServingEnvironment,
  });
}
