import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../../src/shared/contract/methods';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.stop());

describe('the OpenAPI document', () => {
  it('is served as OpenAPI 3.1 and lists every contract method at its route', async () => {
    const res = await fetch(`${t.origin}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const [name, spec] of Object.entries(methods)) {
      const op = doc.paths[spec.path.replace(/:(\w+)/g, '{$1}')]?.[spec.http.toLowerCase()];
      expect(op, name).toBeDefined();
      expect(op.operationId).toBe(name);
      expect(op.responses['200'].content['application/json'].schema).toBeTypeOf('object');
    }
  });

  it('describes inputs: query parameters for GET, a strict JSON body for POST', async () => {
    const doc = await (await fetch(`${t.origin}/api/v1/openapi.json`)).json();
    const list = doc.paths['/leads'].get;
    expect(list.parameters).toContainEqual(expect.objectContaining({ name: 'limit', in: 'query', schema: expect.objectContaining({ type: 'integer', maximum: 500 }) }));
    expect(doc.paths['/leads/{id}'].get.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    const body = doc.paths['/settings'].post.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(body.properties)).toContain('timezone');
  });

  it('marks only the health probe as public', async () => {
    const doc = await (await fetch(`${t.origin}/api/v1/openapi.json`)).json();
    const publicOps = Object.values(doc.paths).flatMap((p) => Object.values(p as Record<string, { security?: unknown[]; operationId: string }>)).filter((op) => op.security?.length === 0);
    expect(publicOps.map((op) => op.operationId)).toEqual(['system.health']);
  });
});
