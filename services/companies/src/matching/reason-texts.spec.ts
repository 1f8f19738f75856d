import { reasonText } from './reason-texts';

const labels = { branch: (code: string) => ({ 'kitchen-canteen': 'Køkken og kantine' })[code] ?? code, area: (code: string) => ({ tingbjerg: 'Tingbjerg' })[code] ?? code };

describe('reasons as sentences', () => {
  it('says each reason in Danish, with labels, Danish decimal commas and Danish words for codes', () => {
    expect(reasonText('branch-first-wish', { branch: 'kitchen-canteen' }, labels, 'da')).toBe('Borgerens førsteønske er branchen Køkken og kantine');
    expect(reasonText('distance', { km: 4.5, area: 'tingbjerg' }, labels, 'da')).toBe('Ca. 4,5 km fra borgerens område til Tingbjerg');
    expect(reasonText('condition-avoided', { conditions: ['night-shifts', 'driving'] }, labels, 'da')).toBe('Vilkår borgeren ikke kan tage: nattevagter, kørsel');
    expect(reasonText('language-below-requirement', { required: 'fluent', actual: 'basic' }, labels, 'da')).toBe(
      'Dansk under kravet: begynderdansk mod krævet flydende dansk',
    );
  });

  it('says them in English on request, and keeps unknown codes as they are', () => {
    expect(reasonText('too-far', { km: 14.2, maxKm: 10 }, labels, 'en')).toBe('About 14.2 km is farther than the citizen can travel (at most 10 km)');
    expect(reasonText('certificates-missing', { missing: ['hygiene-certificate'] }, labels, 'en')).toBe('Missing required certificates: hygiene-certificate');
    expect(reasonText('branch-not-wished', { branch: 'space-travel' }, labels, 'en')).toBe('The citizen has not wished the branch space-travel');
  });
});
