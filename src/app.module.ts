import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/index.js';
import { DatabaseModule, dataSourceOptions } from './database/index.js';
import { HeavyModule } from './heavy/index.js';
import { WorkflowModule } from './workflow/index.js';
import { JobsModule } from './jobs/index.js';
import { AttractionModule } from './attraction/index.js';
import { AuditModule } from './audit/index.js';
import { AuthModule } from './auth/index.js';
import { BenchRoutesModule } from './bench/index.js';
import { BulletinsModule } from './bulletins/index.js';
import { NotificationsModule } from './notifications/index.js';
import { ExcelModule } from './excel/index.js';
import { OperationsModule } from './operations/index.js';
import { OversightModule } from './oversight/index.js';
import { PeopleModule } from './people/index.js';
import { PeriodsModule } from './periods/index.js';
import { PlansModule } from './plans/index.js';
import { ProjectsModule } from './projects/index.js';
import { ReferenceModule } from './reference/index.js';
import { ReportsModule } from './reports/index.js';
import { RequestsModule } from './requests/index.js';
import { SeedingModule } from './seeding/index.js';
import { BoardModule } from './board/index.js';
import { WorkbenchModule } from './workbench/index.js';

@Module({})
export class AppModule {
  /**
   * The application for one validated configuration; migrations run when it connects. A heavy-work
   * thread (`worker`) runs none: the server that started it has.
   */
  static forRoot(config: AppConfig, options: { worker?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        {
          module: class ConfigModule {},
          global: true,
          providers: [{ provide: APP_CONFIG, useValue: config }],
          exports: [APP_CONFIG],
        },
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), migrationsRun: !options.worker, autoLoadEntities: true }),
        DatabaseModule,
        HeavyModule,
        WorkflowModule,
        JobsModule,
        AuditModule,
        OversightModule,
        AuthModule,
        ReferenceModule,
        ProjectsModule,
        PlansModule,
        ReportsModule,
        RequestsModule,
        PeopleModule,
        BoardModule,
        BulletinsModule,
        NotificationsModule,
        ExcelModule,
        SeedingModule,
        WorkbenchModule,
        PeriodsModule,
        OperationsModule,
        ...(config.benchRoutes && !options.worker ? [BenchRoutesModule] : []),
        AttractionModule,
      ],
    };
  }
}
