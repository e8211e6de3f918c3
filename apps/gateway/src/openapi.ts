import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from '#common';
import { DocumentBuilder, type OpenAPIObject, type SchemaObject, type SecuritySchemeObject, SwaggerModule } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';

/** What an app's OpenAPI document says about itself. */
export interface ApiDocs {
  title: string;
  description: string;
  /** Required together by every route that is not `@Public()`. */
  securitySchemes: Record<string, SecuritySchemeObject>;
}

const DOCS_PATH = 'docs';

const SCHEMA_PREFIX = '#/components/schemas/';

type ValidatorSchemaOptions = NonNullable<Parameters<typeof validationMetadatasToSchemas>[0]>;

/** The simulator's own validators (`IsDecimal` and the portal formats), by the name each registers. */
const CUSTOM_VALIDATORS: ValidatorSchemaOptions['additionalConverters'] = {
  obrigatorio: {},
  decimal: { type: 'number' },
  valorDecimal: { type: 'number', minimum: 0, maximum: 9_999_999_999_999.99, description: 'Até 2 casas decimais.' },
  formatoData: { type: 'string', format: 'date', example: '2024-04-22' },
  formatoDataHora: { type: 'string', example: '2024-04-22T09:11:06-0300' },
  formatoAnoMes: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
  versaoDeclaracao: { type: 'string', pattern: '^\\d{1,4}$' },
  cpf: { type: 'string', pattern: '^\\d{11}$' },
};

/**
 * Serves Swagger UI at `/docs` and the document at `/docs-json`, built on first request. Outside Nest's
 * router, so no guard applies: the document describes routes and holds no data.
 */
export function serveApiDocs(app: INestApplication, docs: ApiDocs): void {
  const builder = new DocumentBuilder().setTitle(docs.title).setDescription(docs.description);
  for (const [name, scheme] of Object.entries(docs.securitySchemes)) builder.addSecurity(name, scheme);
  builder.addSecurityRequirements(Object.fromEntries(Object.keys(docs.securitySchemes).map((name) => [name, []])));
  const config = builder.build();
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup(DOCS_PATH, app, () => {
    if (!document) {
      const handlers = routeHandlers(app);
      document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId });
      withoutCredentials(document, handlers);
      withValidatorSchemas(document, handlers);
    }
    return document;
  });
}

interface RouteHandler {
  controller: new () => unknown;
  key: string;
}

const operationId = (controller: string, key: string) => `${controller}_${key}`;

/** Every controller method of the app. */
function routeHandlers(app: INestApplication): RouteHandler[] {
  const handlers: RouteHandler[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as (new () => unknown) | null;
      if (!controller?.prototype) continue;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        if (key !== 'constructor' && typeof controller.prototype[key as never] === 'function') handlers.push({ controller, key });
      }
    }
  }
  return handlers;
}

/** `@Public()` routes, which the guards let through, need no scheme: an empty security requirement. */
function withoutCredentials(document: OpenAPIObject, handlers: RouteHandler[]): void {
  const isPublic = (target: object) => Reflect.getMetadata(IS_PUBLIC, target) === true;
  const publicIds = new Set(
    handlers
      .filter(({ controller, key }) => isPublic(controller) || isPublic(controller.prototype[key as never]))
      .map(({ controller, key }) => operationId(controller.name, key)),
  );
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (operation && typeof operation === 'object' && publicIds.has((operation as { operationId?: string }).operationId ?? '')) {
        (operation as { security?: object[] }).security = [{}];
      }
    }
  }
}

/**
 * The DTOs are compiled without the Nest CLI plugin, so Swagger sees their classes but no properties:
 * their schemas are derived from the class-validator rules that the validation pipe enforces, plus the
 * nested DTOs they refer to.
 */
function withValidatorSchemas(document: OpenAPIObject, handlers: RouteHandler[]): void {
  const options: ValidatorSchemaOptions = {
    refPointerPrefix: SCHEMA_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: CUSTOM_VALIDATORS,
  };
  const derived = validationMetadatasToSchemas(options) as Record<string, SchemaObject>;
  const schemas = ((document.components ??= {}).schemas ??= {});
  // A DTO that only inherits its rules (`class B extends A {}`) has none of its own: derive it from its class.
  for (const [name, type] of parameterTypes(handlers)) {
    if (name in schemas && !derived[name]) derived[name] = targetConstructorToSchema(type, options) as SchemaObject;
  }
  const pending = Object.keys(schemas);
  const done = new Set<string>();
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (done.has(name) || !derived[name]?.properties) continue;
    done.add(name);
    schemas[name] = derived[name];
    for (const [, ref] of JSON.stringify(derived[name]).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) pending.push(ref);
  }
}

/** The classes the route handlers take (body DTOs among them), by name. */
function parameterTypes(handlers: RouteHandler[]): Map<string, new () => unknown> {
  const types = new Map<string, new () => unknown>();
  for (const { controller, key } of handlers) {
    for (const type of Reflect.getMetadata('design:paramtypes', controller.prototype as object, key) ?? []) {
      if (typeof type === 'function' && type.name) types.set(type.name, type);
    }
  }
  return types;
}
