import { applyDecorators, HttpStatus, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { ProblemException } from '@fremskudt/service-kit';
import { CitizenAccessAction } from '../citizens/citizen-access-log';

export const CITIZEN_ACCESS = 'caseload:citizen-access';
export const PURPOSE_HEADER = 'X-Purpose';
export const MAX_PURPOSE_LENGTH = 200;

/** How an endpoint touches a citizen's personal data, for the access log. */
export interface CitizenAccessSpec<Answer = unknown> {
  action: CitizenAccessAction;
  /** The route parameter that is the citizen's id (`id` under /citizens/:id). */
  citizenParam?: string;
  /** The query parameter that names the citizen, when a listing may be narrowed to one (`?citizenId=`). */
  citizenQuery?: string;
  /** The citizen named by the answer, when the route names something of theirs (an offer, a plan, a task) or nobody yet (a registration). */
  citizenOf?: (answer: Answer, request: Request) => string | undefined;
  /** What a search looked for, read from the request as sent (a `cpr` value is stored as its keyed hash). */
  criterion?: (request: Request) => Record<string, unknown>;
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

/** Ten digits, with or without the dash, standing alone: what a CPR number typed into free text looks like. */
const CPR_IN_TEXT = /(?<!\d)\d{6}-?\d{4}(?!\d)/g;

/** Free text as it may be stored: any CPR number in it is replaced (a purpose or a name typed by hand may hold one). */
export const withoutCprNumbers = (text: string): string => text.replace(CPR_IN_TEXT, '[cpr]');

/**
 * The request's purpose: the X-Purpose header, trimmed, 1-200 characters without control
 * characters. Undefined without the header; an invalid one is refused (400 naming the header).
 */
export function purposeOf(request: Pick<Request, 'headers'>): string | undefined {
  const value = request.headers[PURPOSE_HEADER.toLowerCase()];
  if (value === undefined) return undefined;
  const text = (Array.isArray(value) ? value.join(', ') : value).trim();
  if (text.length < 1 || text.length > MAX_PURPOSE_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'purpose-invalid', undefined, [
      { field: PURPOSE_HEADER, code: 'purpose', message: `must be 1-${MAX_PURPOSE_LENGTH} characters of text` },
    ]);
  }
  return withoutCprNumbers(text);
}
