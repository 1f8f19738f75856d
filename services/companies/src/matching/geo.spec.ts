import { distanceKm } from './geo';

describe('distance between area centres', () => {
  it('is zero from a point to itself and the same both ways', () => {
    const tingbjerg = { latitude: 55.7167, longitude: 12.4833 };
    const urbanplanen = { latitude: 55.654, longitude: 12.6 };
    expect(distanceKm(tingbjerg, tingbjerg)).toBe(0);
    expect(distanceKm(tingbjerg, urbanplanen)).toBeCloseTo(distanceKm(urbanplanen, tingbjerg), 10);
  });

  it('measures known distances: a degree of latitude is 111.2 km; a degree of longitude shrinks with the cosine of the latitude', () => {
    expect(distanceKm({ latitude: 55, longitude: 12 }, { latitude: 56, longitude: 12 })).toBeCloseTo(111.2, 1);
    expect(distanceKm({ latitude: 0, longitude: 12 }, { latitude: 0, longitude: 13 })).toBeCloseTo(111.2, 1);
    // At 60°N (cos = 0.5), 0.1° of longitude is about 5.56 km.
    expect(distanceKm({ latitude: 60, longitude: 12 }, { latitude: 60, longitude: 12.1 })).toBeCloseTo(5.56, 2);
  });
});
