import { InvalidTenantError, isValidTenantId, MissingTenantError, TenantContext } from './tenant-context';
import { databaseOf, redactUrl, roleOf, withDatabase } from './database-urls';

describe('TenantContext', () => {
  it('throws outside a scope and gives the tenant inside it, across awaits', async () => {
    expect(() => TenantContext.currentTenant()).toThrow(MissingTenantError);
    await TenantContext.run('kbh', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(TenantContext.currentTenant()).toBe('kbh');
      await TenantContext.run('slagelse', async () => expect(TenantContext.currentTenant()).toBe('slagelse'));
      expect(TenantContext.currentTenant()).toBe('kbh');
    });
    expect(TenantContext.peekTenant()).toBeUndefined();
  });

  it('keeps concurrent scopes apart', async () => {
    const seen = await Promise.all(
      ['kbh', 'slagelse', 'odense'].map((tenant) =>
        TenantContext.run(tenant, async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
          return TenantContext.currentTenant();
        }),
      ),
    );
    expect(seen).toEqual(['kbh', 'slagelse', 'odense']);
  });

  it.each(['', 'K', 'KBH', '1kbh', 'kbh;drop', 'a'.repeat(64), 'k b'])('refuses the tenant id %j', (tenant) => {
    expect(isValidTenantId(tenant)).toBe(false);
    expect(() => TenantContext.run(tenant, () => 1)).toThrow(InvalidTenantError);
  });

  it.each(['kbh', 'slagelse', 'hoeje-taastrup', 'k2'])('accepts the tenant id %j', (tenant) => expect(isValidTenantId(tenant)).toBe(true));
});

describe('database URLs', () => {
  const url = 'postgres://app:secret@db.example:5432/fremskudt_caseload';
  it('reads role and database, swaps them, and redacts the password', () => {
    expect(roleOf(url)).toBe('app');
    expect(databaseOf(url)).toBe('fremskudt_caseload');
    expect(withDatabase(url, 'other', 'owner')).toBe('postgres://owner:secret@db.example:5432/other');
    expect(redactUrl(url)).toBe('postgres://app:***@db.example:5432/fremskudt_caseload');
    expect(() => roleOf('postgres://db.example/x')).toThrow(/names no user/);
  });
});
