import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, ApiProperty, getSchemaPath } from '@nestjs/swagger';

/**
 * The building blocks every controller uses to declare its answers in the OpenAPI document
 * (docs/api.md): money fields, pages of a list, file downloads. One definition each, so the
 * document says the same thing the same way everywhere.
 */

/** A money field: integer 万元, the unit in the description. */
export function ApiWan(description: string, options: { nullable?: boolean; required?: boolean } = {}): PropertyDecorator {
  return ApiProperty({ type: 'integer', description: `${description}（万元，整数）`, nullable: options.nullable ?? false, required: options.required ?? true });
}

/** The schema of one page of `item` (common/page.ts): `{ items, total, page, pageSize, next? }`. */
export function pageSchema(item: Type<unknown>) {
  return {
    type: 'object' as const,
    required: ['items', 'total', 'page', 'pageSize'],
    properties: {
      items: { type: 'array' as const, items: { $ref: getSchemaPath(item) } },
      total: { type: 'integer' as const, description: 'rows in the whole list (all pages)' },
      page: { type: 'integer' as const },
      pageSize: { type: 'integer' as const },
      next: { type: 'string' as const, nullable: true, description: 'lists that seek: the cursor of the following page (`?after=`), null on the last' },
    },
  };
}

/** 200 with one page of `item`. */
export function ApiPageResponse(item: Type<unknown>, description?: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiExtraModels(item), ApiOkResponse({ description, schema: pageSchema(item) }));
}

/** 200 with a file of this media type (a download: the body is the file's bytes). */
export function ApiFileResponse(mediaType: string, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiProduces(mediaType), ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } }));
}
