import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { WorkflowModule } from './workflow/workflow.module.js';
import { AttractionModule } from './attraction/attraction.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BenchRoutesModule } from './bench/bench-routes.js';
import { BulletinsModule } from './bulletins/bulletins.module.js';
import { ExcelModule } from './excel/excel.module.js';
import { OperationsModule } from './operations/operations.module.js';
import { OversightModule } from './oversight/oversight.module.js';
import { PeriodsModule } from './periods/periods.module.js';
import { PlansModule } from './plans/plans.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RequestsModule } from './requests/requests.module.js';
import { SeedingModule } from './seeding/seeding.module.js';
import { BoardModule } from './board/board.module.js';
import { WorkbenchModule } from './workbench/workbench.module.js';

@Module({})
export class AppModule {
  /** The application for one validated configuration; migrations run when it connects. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        {
          module: class ConfigModule {},
          global: true,
          providers: [{ provide: APP_CONFIG, useValue: config }],
          exports: [APP_CONFIG],
        },
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), migrationsRun: true, autoLoadEntities: true }),
        DatabaseModule,
        WorkflowModule,
        AuditModule,
        OversightModule,
        AuthModule,
        ReferenceModule,
        ProjectsModule,
        PlansModule,
        ReportsModule,
        RequestsModule,
        BoardModule,
        BulletinsModule,
        ExcelModule,
        SeedingModule,
        WorkbenchModule,
        PeriodsModule,
        OperationsModule,
        ...(config.benchRoutes ? [BenchRoutesModule] : []),
        AttractionModule,
      ],
    };
  }
}
