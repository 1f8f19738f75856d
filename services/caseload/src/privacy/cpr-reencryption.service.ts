import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem } from '@fremskudt/service-kit';
import { CprProtector } from './cpr-protection';
import { CprReencryptionView, KeyIdUsageView } from './cpr-reencryption.dto';

export const DEFAULT_REENCRYPTION_BATCH = 500;

interface StoredCpr {
  id: string;
  cpr_encrypted: Buffer;
  cpr_hash: Buffer;
}

interface BatchOutcome {
  citizens: number;
  reencrypted: number;
  rehashed: number;
  duplicates: string[];
  unreadable: string[];
}

/**
 * Moves the tenant's stored CPR numbers to the current keys: sealed with the current encryption
 * key id and hashed with CPR_HASH_KEY. A batch of rows at a time, each batch in its own
 * transaction of the tenant (row-level security), its rows locked while it runs; rows already
 * current are left alone, so the job can be stopped and run again at any time (idempotent). Run
 * without `apply`, it only counts what it would change.
 */
@Injectable()
export class CprReencryption {
  private readonly logger = new Logger('cpr-reencryption');

  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CprProtector) private readonly cpr: CprProtector,
  ) {}

  async run(apply: boolean, batchSize = DEFAULT_REENCRYPTION_BATCH): Promise<CprReencryptionView> {
    if (apply) await this.refuseUnknownKeyIds();
    const total: BatchOutcome = { citizens: 0, reencrypted: 0, rehashed: 0, duplicates: [], unreadable: [] };
    let after: string | null = null;
    for (;;) {
      const { last, outcome }: { last: string | null; outcome: BatchOutcome } = await this.unitOfWork.run((manager) => this.batch(manager, after, batchSize, apply));
      total.citizens += outcome.citizens;
      total.reencrypted += outcome.reencrypted;
      total.rehashed += outcome.rehashed;
      total.duplicates.push(...outcome.duplicates);
      total.unreadable.push(...outcome.unreadable);
      if (last === null) break;
      after = last;
    }
    const view = { applied: apply, currentKeyId: this.cpr.currentKeyId, ...total, keyIds: await this.keyIdUsage() };
    if (apply) {
      const { duplicates, unreadable, keyIds, ...counts } = view;
      this.logger.log({ ...counts, keyIds, duplicates: duplicates.length, unreadable: unreadable.length }, 'CPR numbers moved to the current keys');
    }
    return view;
  }

  /** How many of the tenant's stored CPR numbers each key id seals, and whether the service holds that key. */
  private keyIdUsage(): Promise<KeyIdUsageView[]> {
    return this.unitOfWork.run(async (manager) => {
      const rows: Array<{ keyId: number; citizens: number }> = await manager.query(
        `SELECT get_byte(cpr_encrypted, 0) AS "keyId", count(*)::int AS citizens FROM citizen GROUP BY 1 ORDER BY 1`,
      );
      return rows.map((row) => ({ ...row, configured: this.cpr.hasKey(row.keyId) }));
    });
  }

  /** Nothing is moved while some row is sealed with a key the service lacks: that key must come back first. */
  private async refuseUnknownKeyIds(): Promise<void> {
    const missing = (await this.keyIdUsage()).filter((usage) => !usage.configured);
    if (missing.length) {
      throw new ConflictProblem(
        'cpr-key-missing',
        `Stored CPR numbers are sealed with key id ${missing.map((usage) => `${usage.keyId} (${usage.citizens} citizens)`).join(', ')}, ` +
          'which CPR_ENCRYPTION_KEYS does not hold: add the key back, then run the job again. Nothing was changed.',
      );
    }
  }

  /** One batch after the id `after`: `last` is the batch's last id, null when there were no more rows. */
  private async batch(manager: EntityManager, after: string | null, size: number, apply: boolean): Promise<{ last: string | null; outcome: BatchOutcome }> {
    const rows: StoredCpr[] = await manager.query(
      `SELECT id, cpr_encrypted, cpr_hash FROM citizen WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2 ${apply ? 'FOR UPDATE' : ''}`,
      [after, size],
    );
    const outcome: BatchOutcome = { citizens: rows.length, reencrypted: 0, rehashed: 0, duplicates: [], unreadable: [] };
    const changes: Array<{ id: string; sealed: Buffer; hash: Buffer }> = [];
    const wanted: Array<{ row: StoredCpr; cpr: string; hash: Buffer }> = [];
    for (const row of rows) {
      let cpr: string;
      try {
        cpr = this.cpr.decrypt(row.cpr_encrypted);
      } catch {
        // An unknown key id (counting only) or an altered value: reported, never guessed at.
        outcome.unreadable.push(row.id);
        continue;
      }
      const hash = this.cpr.hash(cpr);
      if (row.cpr_encrypted[0] !== this.cpr.currentKeyId || !row.cpr_hash.equals(hash)) wanted.push({ row, cpr, hash });
    }

    // A new hash another citizen already holds is a number registered twice (possible only when a
    // previous hash key was removed before this job had run): that row keeps its hash, for people to sort out.
    const rehashes = wanted.filter(({ row, hash }) => !row.cpr_hash.equals(hash));
    const holders = new Map<string, string>();
    if (rehashes.length) {
      const held: Array<{ id: string; cpr_hash: Buffer }> = await manager.query(`SELECT id, cpr_hash FROM citizen WHERE cpr_hash = ANY($1::bytea[])`, [
        rehashes.map(({ hash }) => hash),
      ]);
      for (const { id, cpr_hash } of held) holders.set(cpr_hash.toString('hex'), id);
    }
    for (const { row, cpr, hash } of wanted) {
      let newHash = row.cpr_hash;
      if (!row.cpr_hash.equals(hash)) {
        const holder = holders.get(hash.toString('hex'));
        if (holder !== undefined && holder !== row.id) {
          outcome.duplicates.push(row.id);
        } else {
          newHash = hash;
          holders.set(hash.toString('hex'), row.id);
          outcome.rehashed += 1;
        }
      }
      const reencrypt = row.cpr_encrypted[0] !== this.cpr.currentKeyId;
      if (reencrypt) outcome.reencrypted += 1;
      if (reencrypt || newHash !== row.cpr_hash) changes.push({ id: row.id, sealed: reencrypt ? this.cpr.encrypt(cpr) : row.cpr_encrypted, hash: newHash });
    }

    if (apply && changes.length) {
      await manager.query(
        `UPDATE citizen c SET cpr_encrypted = v.sealed, cpr_hash = v.hash
           FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) AS v (id, sealed, hash) WHERE c.id = v.id`,
        [changes.map((change) => change.id), changes.map((change) => change.sealed), changes.map((change) => change.hash)],
      );
    }
    return { last: rows.length < size ? null : rows[rows.length - 1].id, outcome };
  }
}
