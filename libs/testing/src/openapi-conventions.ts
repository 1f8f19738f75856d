/** An operation of an OpenAPI document, as much of it as the conventions look at. */
export interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, unknown>;
  tags?: string[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'];

/** Every operation of the document as `{ path, method, operation }`. */
export function openApiOperations(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
}

/**
 * The places where a service's REST API breaks the platform's conventions, as `METHOD path`
 * lists (empty when it keeps them): every command takes an optional Idempotency-Key and
 * documents its 400; every operation on one resource (a path with an id parameter, `{id}` or
 * `{…Id}`) documents its 404; every operation is tagged. `notCommands` exempts paths (e.g.
 * scheduled jobs).
 */
export function openApiConventionViolations(document: OpenApiDocument, { notCommands }: { notCommands?: (path: string) => boolean } = {}) {
  const operations = openApiOperations(document);
  const name = ({ method, path }: { method: string; path: string }) => `${method} ${path}`;
  const commands = operations.filter(({ method, path }) => COMMAND_METHODS.includes(method) && !notCommands?.(path));
  return {
    commands: commands.length,
    withoutIdempotencyKey: commands.filter(({ operation }) => !operation.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')).map(name),
    without400: commands.filter(({ operation }) => !operation.responses['400']).map(name),
    without404OnResource: operations.filter(({ path, operation }) => /\{(id|\w+Id)\}/.test(path) && !operation.responses['404']).map(name),
    untagged: operations.filter(({ operation }) => !operation.tags?.length).map(name),
  };
}
