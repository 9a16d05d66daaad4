import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { FieldViolation } from '@app/domain';
import { InvalidRequestError } from './errors';

/** Deeper than any body the API takes (a referral nests four levels); deep enough to never refuse a real one. */
export const MAX_BODY_DEPTH = 32;
/** Keys that reach an object's prototype when a body is copied or merged; refused, not dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/**
 * The NUL character, which PostgreSQL cannot store or compare in text: any value holding it would reach the
 * database as a 500. The one refusal for it, in a query string or a body.
 */
const holdsNul = (text: string): boolean => text.includes('\u0000');
const nulViolation = (path: string): FieldViolation => ({ path, message: `${path} must not contain the NUL character` });

/**
 * What a parsed body (JSON, or a page's form) must not carry, checked before validation reads it: nesting deeper than
 * MAX_BODY_DEPTH (class-transformer and class-validator recurse, and thousands of levels overflow the stack), a string
 * with a lone UTF-16 surrogate or the NUL character (PostgreSQL can store neither), and `__proto__`, `constructor` or
 * `prototype` keys. Names every field with a problem, in the order the body gives them, so that one 400 lists them
 * all. The walk is iterative, so a deep body cannot overflow it either, and goes no deeper than the limit.
 */
export function bodyShapeViolations(body: unknown): FieldViolation[] {
  const found: FieldViolation[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { value, path, depth } = entry;
    const named = path || 'body';
    if (typeof value === 'string') {
      if (!wellFormed(value)) found.push({ path: named, message: `${named} contains a lone UTF-16 surrogate (not valid text)` });
      else if (holdsNul(value)) found.push(nulViolation(named));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) {
      found.push({ path: named, message: `${named} is nested more than ${MAX_BODY_DEPTH} levels deep` });
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value as Record<string, unknown>);
    const children: typeof stack = [];
    let badKey = false;
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) {
        found.push({ path: childPath, message: `${childPath}: the key "${key}" is not allowed` });
        continue;
      }
      // One violation for the object, however many of its keys are malformed: the key itself cannot be named.
      if (!Array.isArray(value) && !wellFormed(key)) {
        if (!badKey) found.push({ path: named, message: `${named} has a key with a lone UTF-16 surrogate` });
        badKey = true;
        continue;
      }
      children.push({ value: child, path: childPath, depth: depth + 1 });
    }
    // Reversed onto the stack, so that fields are named in the body's order (one at a time: a spread of a long
    // array would overflow the call stack).
    for (const child of children.reverse()) stack.push(child);
  }
  return found;
}

/**
 * What a parsed query string must not carry: the NUL character in a value or a name (PostgreSQL cannot store or
 * compare text holding it, so it would reach the database as a 500). Every query, whatever its DTO: a free-text
 * parameter (`organisation`) has no format rule that would refuse it on its own. Names each parameter found.
 */
export function queryShapeViolations(query: unknown): FieldViolation[] {
  const found: FieldViolation[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (holdsNul(value)) found.push(nulViolation(path));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childPath = Array.isArray(value) ? path : path ? `${path}.${key}` : key;
      if (holdsNul(key)) {
        found.push({ path: childPath || 'query', message: `${childPath || 'query'}: a parameter name must not contain the NUL character` });
        continue;
      }
      walk(child, childPath);
    }
  };
  walk(query, '');
  return found.filter((v, i) => found.findIndex((w) => w.path === v.path && w.message === v.message) === i);
}

/**
 * Applies bodyShapeViolations to every request body and queryShapeViolations to every query string (a 400 naming
 * the field), before any pipe or handler runs.
 */
@Injectable()
export class BodyShapeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<{ body?: unknown; query?: unknown }>();
      const queryViolations = queryShapeViolations(request.query);
      if (queryViolations.length > 0) throw new InvalidRequestError(queryViolations);
      const body = request.body;
      if (body !== undefined && body !== null) {
        const violations = bodyShapeViolations(body);
        if (violations.length > 0) throw new InvalidRequestError(violations);
      }
    }
    return next.handle();
  }
}
