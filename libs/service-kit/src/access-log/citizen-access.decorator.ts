import { applyDecorators, HttpStatus, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { ProblemException } from '../http/problem';
import { CitizenAccessAction } from './citizen-access-log';

export const CITIZEN_ACCESS = 'fremskudt:citizen-access';
export const PURPOSE_HEADER = 'X-Purpose';
export const MAX_PURPOSE_LENGTH = 200;

/** Citizens named by an answer: one, several (a contact about citizens), or none. */
export type NamedCitizens = string | readonly string[] | null | undefined;

/**
 * How an endpoint touches citizens' personal data, for the access log. The citizen is named by
 * the path, the query or the body before the handler runs (so failed and denied calls name them
 * too), else by the answer. A name may be a list: each citizen gets a row of their own.
 */
export interface CitizenAccessSpec<Answer = unknown> {
  action: CitizenAccessAction;
  /** The route parameter that names the citizen (`id` under /citizens/:id). */
  citizenParam?: string;
  /** The query parameter that names the citizen, when a listing may be narrowed to one (`?citizenId=`). */
  citizenQuery?: string;
  /** The body field that names the citizen, or a list of citizens (`citizenIds`), in a command. */
  citizenBody?: string;
  /** The citizen named by the answer, when the route names something of theirs (an offer, a visit) or nobody yet (a registration). */
  citizenOf?: (answer: Answer, request: Request) => NamedCitizens;
  /** What a search looked for, read from the request as sent (a `cpr` value is stored only as the service's hooks protect it). */
  criterion?: (request: Request) => Record<string, unknown>;
  /**
   * The endpoint touches personal data only when a citizen is named (an anonymous visitor's
   * visit, a company contact about no citizen): an answered call naming nobody is not logged.
   * Refused, failed and denied calls are logged all the same.
   */
  onlyWithCitizen?: boolean;
}

/**
 * Declares an endpoint as an access to citizens' personal data: every call is recorded in the
 * access log (CitizenAccessInterceptor) with its outcome, and a call the endpoint's roles refuse
 * is recorded as denied (the RolesGuard's listener). Documents the optional X-Purpose header.
 */
export function CitizenAccess<Answer = unknown>(spec: CitizenAccessSpec<Answer>): MethodDecorator {
  return applyDecorators(
    SetMetadata(CITIZEN_ACCESS, spec),
    ApiHeader({
      name: PURPOSE_HEADER,
      required: false,
      description:
        `Valgfrit formål med opslaget (1-${MAX_PURPOSE_LENGTH} tegn, fx "opfølgningssamtale"). Skrives i adgangsloggen sammen med bruger, rolle, ` +
        'tidspunkt og borger; borgeren kan få datoer og formål udleveret ved aktindsigt. Aldrig i URL’en.',
    }),
  );
}

/** A criterion of the query string's named parameters, as sent. */
export const queryCriterion =
  (...names: string[]) =>
  (request: Request): Record<string, unknown> =>
    Object.fromEntries(names.filter((name) => request.query[name] !== undefined).map((name) => [name, request.query[name]]));

/** A criterion of the body's named fields, as sent. */
export const bodyCriterion =
  (...names: string[]) =>
  (request: Request): Record<string, unknown> => {
    const body: Record<string, unknown> = typeof request.body === 'object' && request.body !== null ? request.body : {};
    return Object.fromEntries(names.filter((name) => body[name] !== undefined).map((name) => [name, body[name]]));
  };

/** A criterion of a listing: which list, and the route parameters and query parameters it was narrowed by. */
export const listCriterion =
  (list: string, params: readonly string[] = [], query: readonly string[] = []) =>
  (request: Request): Record<string, unknown> => ({
    list,
    ...Object.fromEntries(params.filter((name) => request.params[name] !== undefined).map((name) => [name, request.params[name]])),
    ...queryCriterion(...query)(request),
  });

/** Ten digits, with or without the dash, standing alone: what a CPR number typed into free text looks like. */
const CPR_IN_TEXT = /(?<!\d)\d{6}-?\d{4}(?!\d)/g;

/** Free text as it may be stored: any CPR number in it is replaced (a purpose or a name typed by hand may hold one). */
export const withoutCprNumbers = (text: string): string => text.replace(CPR_IN_TEXT, '[cpr]');

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A header value as text. Node reads header bytes as Latin-1, but most clients send Danish
 * letters as UTF-8 (Node's own client does when a body follows): bytes that are valid UTF-8 are
 * read as such, so "Opfølgning" is kept as typed either way.
 */
export function headerText(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return UTF8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

/**
 * The request's purpose: the X-Purpose header, trimmed, 1-200 characters without control
 * characters. Undefined without the header; an invalid one is refused (400 naming the header).
 */
export function purposeOf(request: Pick<Request, 'headers'>): string | undefined {
  const value = request.headers[PURPOSE_HEADER.toLowerCase()];
  if (value === undefined) return undefined;
  const text = headerText(Array.isArray(value) ? value.join(', ') : value).trim();
  if (text.length < 1 || text.length > MAX_PURPOSE_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'purpose-invalid', undefined, [
      { field: PURPOSE_HEADER, code: 'purpose', message: `must be 1-${MAX_PURPOSE_LENGTH} characters of text` },
    ]);
  }
  return withoutCprNumbers(text);
}
