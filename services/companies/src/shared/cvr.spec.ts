import { isValidCvr } from './cvr';

describe('CVR number check (modulus 11, weights 2 7 6 5 4 3 2 1)', () => {
  it.each([
    ['10150817', 'weighted sum 66'],
    ['25313763', 'weighted sum 110'],
    ['29189927', 'weighted sum 187'],
  ])('accepts %s (%s)', (cvr) => {
    expect(isValidCvr(cvr)).toBe(true);
  });

  it.each([
    ['10150818', 'check digit off by one'],
    ['01510817', 'two digits swapped'],
    ['1015081', 'seven digits'],
    ['101508170', 'nine digits'],
    ['1015 0817', 'a space'],
    ['DK10150817', 'a country prefix'],
    ['', 'empty'],
  ])('refuses %s (%s)', (cvr) => {
    expect(isValidCvr(cvr)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isValidCvr(10150817)).toBe(false);
    expect(isValidCvr(null)).toBe(false);
  });
});
