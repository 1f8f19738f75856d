import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RunCprReencryptionDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5000, default: 500, description: 'Borgere pr. transaktion' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  batchSize?: number;
}

export class KeyIdUsageView {
  @ApiProperty({ description: 'Nøgle-id (første byte i det krypterede CPR-nummer)' }) keyId: number;
  @ApiProperty({ description: 'Kommunens borgere hvis CPR-nummer er krypteret med nøglen' }) citizens: number;
  @ApiProperty({ description: 'Om tjenesten har nøglen (CPR_ENCRYPTION_KEYS)' }) configured: boolean;
}

/** What the re-encryption did (POST) or would do (GET), for the caller's municipality only. */
export class CprReencryptionView {
  @ApiProperty({ description: 'false: kun optalt (GET), intet er ændret' }) applied: boolean;
  @ApiProperty({ description: 'Den aktuelle krypteringsnøgles id (den første i CPR_ENCRYPTION_KEYS)' }) currentKeyId: number;
  @ApiProperty({ description: 'Kommunens borgere gennemgået' }) citizens: number;
  @ApiProperty({ description: 'CPR-numre krypteret om til den aktuelle nøgle (GET: som ville blive det)' }) reencrypted: number;
  @ApiProperty({ description: 'Opslags-hashes beregnet om med CPR_HASH_KEY (GET: som ville blive det)' }) rehashed: number;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Borgere hvis CPR-nummer en anden borger allerede har under den aktuelle hash-nøgle (registreret to gange): beholder deres hash og skal udredes',
  })
  duplicates: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Borgere hvis CPR-nummer ikke kunne dekrypteres (ukendt nøgle eller ændret værdi)' })
  unreadable: string[];
  @ApiProperty({ type: [KeyIdUsageView], description: 'Nøgle-id’er i brug, efter kørslen' })
  keyIds: KeyIdUsageView[];
}
