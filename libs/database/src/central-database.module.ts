import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Environment } from '@app/config';
import { CENTRAL_SCHEMA } from './central/central-schema';
import { postgresOptions, SchemaSpec } from './postgres-options';

/** A TypeORM connection to one schema, configured from the validated environment. */
@Module({})
export class SchemaDatabaseModule {
  static forSchema(spec: SchemaSpec, applicationName: string): DynamicModule {
    return {
      module: SchemaDatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) =>
            postgresOptions(
              {
                DATABASE_URL: config.get('DATABASE_URL', { infer: true }),
                DATABASE_SSL: config.get('DATABASE_SSL', { infer: true }),
                DATABASE_SSL_REJECT_UNAUTHORIZED: config.get('DATABASE_SSL_REJECT_UNAUTHORIZED', { infer: true }),
                DATABASE_POOL_SIZE: config.get('DATABASE_POOL_SIZE', { infer: true }),
              },
              spec,
              applicationName,
            ),
        }),
      ],
    };
  }

  static central(applicationName: string): DynamicModule {
    return SchemaDatabaseModule.forSchema(CENTRAL_SCHEMA, applicationName);
  }
}
