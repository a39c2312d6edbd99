import 'server-only';
import type { z } from 'zod';
import { BODY_LIMITS, readBodyText, requireContentType } from './body';
import { badRequest } from './errors';

/** Human-readable summary of zod issues, e.g. "slug: Slug must be at least 2 characters". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`Invalid ${what}: ${describeIssues(result.error)}`);
  return result.data;
}

/**
 * Reads and validates a JSON body: 415 unless it is sent as application/json,
 * 413 past maxBytes (checked before and while reading), 400 if it is not JSON
 * or not valid; never a 500.
 */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S, maxBytes: number = BODY_LIMITS.form): Promise<z.infer<S>> {
  requireContentType(req, 'application/json');
  const text = await readBodyText(req, maxBytes);
  let value: unknown;
  try {
    value = text ? JSON.parse(text) : undefined;
  } catch {
    throw badRequest('Request body must be valid JSON.');
  }
  if (value === undefined) throw badRequest('Request body is required.');
  return parseWith(schema, value, 'request body');
}

export async function parseParams<S extends z.ZodType>(params: Promise<unknown>, schema: S): Promise<z.infer<S>> {
  return parseWith(schema, await params, 'path');
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  return parseWith(schema, Object.fromEntries(new URL(req.url).searchParams), 'query');
}
