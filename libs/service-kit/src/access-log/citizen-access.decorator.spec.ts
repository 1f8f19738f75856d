import type { Request } from 'express';
import { ProblemException } from '../http/problem';
import { bodyCriterion, listCriterion, purposeOf, queryCriterion, withoutCprNumbers } from './citizen-access.decorator';

describe('purposeOf (X-Purpose)', () => {
  const withHeader = (value?: string | string[]) => ({ headers: value === undefined ? {} : { 'x-purpose': value } });

  it('is undefined without the header, and the trimmed text with it (Danish letters kept)', () => {
    expect(purposeOf(withHeader())).toBeUndefined();
    expect(purposeOf(withHeader('  Opfølgningssamtale på Nørrebro  '))).toBe('Opfølgningssamtale på Nørrebro');
    expect(purposeOf(withHeader('x'.repeat(200)))).toHaveLength(200);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['201 characters', 'x'.repeat(201)],
    ['a control character', 'tjek\u0007'],
  ])('refuses %s with 400 naming the header', (_case, value) => {
    let thrown: unknown;
    try {
      purposeOf(withHeader(value));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect(thrown).toMatchObject({ code: 'purpose-invalid', errors: [expect.objectContaining({ field: 'X-Purpose' })] });
    expect(JSON.stringify((thrown as ProblemException).errors)).not.toContain('\u0007');
  });

  it('reads Danish letters sent as UTF-8 (as most clients do) or as Latin-1 alike', () => {
    const asNodeReadsIt = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    expect(purposeOf(withHeader(asNodeReadsIt('Åben rådgivning, opfølgning')))).toBe('Åben rådgivning, opfølgning');
    expect(purposeOf(withHeader('Åben rådgivning'))).toBe('Åben rådgivning');
    expect(purposeOf(withHeader('Ã'))).toBe('Ã');
  });

  it('keeps no CPR number typed into the purpose', () => {
    expect(purposeOf(withHeader('Opslag på 010190-1234 efter opkald'))).toBe('Opslag på [cpr] efter opkald');
  });
});

describe('withoutCprNumbers', () => {
  it.each([
    ['010190-1234', '[cpr]'],
    ['cpr 0101901234.', 'cpr [cpr].'],
    ['tlf 12345678', 'tlf 12345678'],
    ['konto 01019012345', 'konto 01019012345'],
  ])('%s → %s', (text, expected) => expect(withoutCprNumbers(text)).toBe(expected));
});

describe('criteria from the request', () => {
  const request = { query: { name: 'amina', limit: '5' }, body: { cpr: '010190-1234', areaCode: 'tingbjerg' } } as unknown as Request;

  it('picks the named query parameters and body fields that were sent', () => {
    expect(queryCriterion('name', 'areaCode')(request)).toEqual({ name: 'amina' });
    expect(bodyCriterion('name', 'cpr', 'areaCode')(request)).toEqual({ cpr: '010190-1234', areaCode: 'tingbjerg' });
    expect(bodyCriterion('cpr')({ body: undefined } as unknown as Request)).toEqual({});
  });

  it('names a listing and what narrowed it: route parameters and query parameters that were sent', () => {
    const listing = { params: { id: 'desk-1' }, query: { from: '2026-01-01' } } as unknown as Request;
    expect(listCriterion('desk-visits', ['id', 'missing'], ['from', 'to'])(listing)).toEqual({ list: 'desk-visits', id: 'desk-1', from: '2026-01-01' });
  });
});
