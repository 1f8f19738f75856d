import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { authorizationFor, staffIdentity, TestIdentity, TestService } from '@fremskudt/testing';
import { currentSuite, recordErrorAnswer, recordSentCprs } from '../privacy-scan/scan-files';

export { inPool } from '@fremskudt/testing';

/**
 * The fixtures that replay thousands of the documents' commands call the services over real HTTP
 * on a loopback port (keep-alive fetch), which is much quicker than supertest's connection per
 * request. A service listens once; its base URL is kept here.
 */
const baseUrls = new Map<TestService, string>();

/** Makes the service listen on a free loopback port (once) and answers its base URL. */
export async function listenOnLoopback(service: TestService): Promise<string> {
  const known = baseUrls.get(service);
  if (known) return known;
  await service.app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(service.app.getHttpServer().address() as AddressInfo).port}`;
  baseUrls.set(service, url);
  return url;
}

/** A JSON answer as the suites read it: field by field, checked by their assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface HttpAnswer<T = Json> {
  status: number;
  text: string;
  /** The parsed JSON body, or the text for other content types. */
  body: T;
}

export interface CallOptions {
  /** The tenant whose staff user (all staff roles) calls, unless `as` names the identity. */
  tenant: string;
  as?: TestIdentity;
  body?: object;
  headers?: Record<string, string>;
  /**
   * Send an Idempotency-Key (a new one per call). Fixtures that never retry leave it off their
   * thousands of commands: storing every answer only slows them down.
   */
  idempotencyKey?: boolean;
}

/** One request to a listening service as the tenant; answers whatever status came back. */
export async function callService<T = Json>(service: TestService, method: string, route: string, options: CallOptions): Promise<HttpAnswer<T>> {
  const url = baseUrls.get(service);
  if (!url) throw new Error(`callService: ${route}: the service is not listening yet (listenOnLoopback first)`);
  const response = await fetch(`${url}${route}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(await authorizationFor(options.as ?? staffIdentity(options.tenant))),
      ...(options.idempotencyKey ? { 'idempotency-key': randomUUID() } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  // The privacy scan reads every error body the suites received and looks for the CPR numbers they sent.
  recordSentCprs(options.body, route);
  recordErrorAnswer({ suite: currentSuite(), method, path: route.split('?')[0], status: response.status, body: text });
  const body = (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
  return { status: response.status, text, body };
}

/** Like callService, but fails with the answer unless the status is `expected`; answers the body. */
export async function expectCall<T = Json>(service: TestService, method: string, route: string, expected: number, options: CallOptions): Promise<T> {
  const answer = await callService<T>(service, method, route, options);
  if (answer.status !== expected) throw new Error(`${options.tenant}: ${method} ${route} answered ${answer.status}, not ${expected}: ${answer.text}`);
  return answer.body;
}
