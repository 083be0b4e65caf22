import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document served at /docs and the one the web client is generated from (npm run web:api). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dafu 答复 API')
      .setDescription(
        'Proposals (提案) and suggestions (建议): registry, assignment, replies. Errors: { code, message, messages: { zh, en }, details, requestId }.',
      )
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
}
