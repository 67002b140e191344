import { z } from 'zod';
import { apiErrorBody } from '../../shared/contract/api-error';
import { methods, type MethodName } from '../../shared/contract/methods';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dropped, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operation(name: MethodName) {
  const spec = methods[name];
  const input = toSchema(spec.input, 'input');
  const pathParams = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  const parameters =
    spec.http === 'GET'
      ? Object.entries(properties).map(([key, schema]) => ({
          name: key,
          in: pathParams.includes(key) ? 'path' : 'query',
          required: pathParams.includes(key) || required.has(key),
          schema,
        }))
      : pathParams.map((key) => ({ name: key, in: 'path', required: true, schema: properties[key] ?? {} }));
  return {
    operationId: name,
    summary: spec.summary,
    ...(spec.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.http === 'GET' ? {} : { requestBody: { required: true, content: { 'application/json': { schema: input } } } }),
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: toSchema(spec.output, 'output') } } },
      400: errorResponse('Bad input; `issues` names each field'),
      401: errorResponse('No valid API key or session'),
      403: errorResponse('Host or Origin refused'),
      404: errorResponse('No such record or method'),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the contract so it can never disagree with the routes. */
export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(methods) as MethodName[]) {
    const spec = methods[name];
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [spec.http.toLowerCase()]: operation(name) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Outpost local API', version, description: 'Served on 127.0.0.1 only. Send `Authorization: Bearer <API key>`.' },
    servers: [{ url: '/api/v1' }],
    security: [{ apiKey: [] }, { session: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'The install API key (Settings > API key)' },
        session: { type: 'apiKey', in: 'cookie', name: 'outpost_session' },
      },
      schemas: { Error: toSchema(apiErrorBody, 'output') },
    },
    paths,
  };
}
