import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { AuthService } from './auth/auth.service.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { SeederService } from './seeding/seeder.service.js';
import { mountWarRoom } from './war-room/war-room.static.js';
import { mountShared } from './web/web.static.js';
import { mountWorkbench } from './workbench/workbench.static.js';

export interface CreateAppOptions {
  /** Load seed data (reference + demo per config.seed) before serving. Default true. */
  seed?: boolean;
  logger?: false;
}

/**
 * Builds the whole application: the one used by `npm start` and by the end-to-end
 * tests alike (same pipe, filter, prefix, body limit and OpenAPI document).
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger === false ? false : ['log', 'warn', 'error'],
  });
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.setGlobalPrefix('api');
  mountShared(app);
  mountWarRoom(app);
  mountWorkbench(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('聊城市制造业重点项目“三个一批”跟踪系统 API')
      .setDescription('Money is integer 万元. Dates YYYY-MM-DD, months YYYY-MM. Conventions and error shape: docs/api.md in the repository; domain rules: docs/domain/.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  await app.get(AuthService).ensureFirstAdmin();
  if (options.seed !== false) await app.get(SeederService).run(config.seed);
  return app;
}
