/**
 * The vocabulary the goal definitions count and filter with: every kind of fact a read-model
 * projection records, with the attributes a definition may filter on. A projection declares
 * its facts next to the code that writes them; the goal checker refuses a definition naming a
 * fact or attribute no projection provides. Adding a stream is adding a projection with its
 * facts: the engine reads facts generically and needs no change.
 */

export type Localised = { da: string; en: string };

/** What a filter may compare an attribute with: a closed list, a boolean, or any code. */
export type AttributeSpec = { values: readonly string[] } | { type: 'boolean' } | { type: 'code' };

export interface FactKind {
  kind: string;
  label: Localised;
  /**
   * `citizen`: about one citizen (counted in the citizen's area and team at the time);
   * `area`: about a place (a desk), carrying its own area and no person;
   * `area-maybe-citizen`: a place, sometimes with a citizen (a visit).
   */
  subject: 'citizen' | 'area' | 'area-maybe-citizen';
  attributes: Record<string, AttributeSpec>;
}

export const oneOf = (values: readonly string[]): AttributeSpec => ({ values });
export const BOOLEAN: AttributeSpec = { type: 'boolean' };
export const CODE: AttributeSpec = { type: 'code' };

/** A lookup over the facts the projections provide. */
export class FactCatalog {
  private readonly byKind: Map<string, FactKind>;

  constructor(readonly kinds: readonly FactKind[]) {
    this.byKind = new Map();
    for (const kind of kinds) {
      if (this.byKind.has(kind.kind)) throw new Error(`Fact kind declared twice: ${kind.kind}`);
      this.byKind.set(kind.kind, kind);
    }
  }

  find(kind: string): FactKind | undefined {
    return this.byKind.get(kind);
  }

  /** Facts that carry a citizen (always or sometimes): the ones a citizen predicate can use. */
  hasCitizen(kind: string): boolean {
    const found = this.byKind.get(kind);
    return found !== undefined && found.subject !== 'area';
  }
}
