import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsCpr } from './cpr';

export const SEARCH_CRITERIA = ['name', 'cpr', 'areaCode'] as const;
export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 200;

export class SearchCitizensQuery {
  @ApiPropertyOptional({ example: 'has', description: 'Begyndelsen af et af navnene eller af det fulde navn (store/små bogstaver er ligegyldige)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: '010190-1234', description: 'Præcist CPR-nummer, DDMMÅÅ-SSSS eller DDMMÅÅSSSS' })
  @IsOptional()
  @IsCpr()
  cpr?: string;

  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Boligområde (kode)' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be an area code (lower-case letters, digits, dashes)' })
  areaCode?: string;

  @ApiPropertyOptional({ enum: ['active', 'exited'], description: 'Kun borgere med denne status' })
  @IsOptional()
  @IsIn(['active', 'exited'])
  status?: 'active' | 'exited';

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SEARCH_LIMIT, default: DEFAULT_SEARCH_LIMIT, description: 'Højst så mange borgere' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(MAX_SEARCH_LIMIT)
  limit?: number;
}
