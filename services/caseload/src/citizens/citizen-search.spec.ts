import { nameSearchPattern } from './citizen-search';

describe('nameSearchPattern', () => {
  it('matches a word start anywhere in the name', () => expect(nameSearchPattern('has')).toBe('% has%'));
  it('collapses spaces and dashes and trims', () => expect(nameSearchPattern('  amina   hassan-al ')).toBe('% amina hassan al%'));
  it('escapes LIKE wildcards and the escape character', () => expect(nameSearchPattern('a%b_c\\d')).toBe('% a\\%b\\_c\\\\d%'));
});
