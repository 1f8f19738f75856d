import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateBy } from 'class-validator';
import { IsCpr } from './cpr';

/** GET /citizens needs one of these; POST /citizens/search one of SEARCH_CRITERIA. */
export const URL_SEARCH_CRITERIA = ['name', 'areaCode'] as const;
export const SEARCH_CRITERIA = ['name', 'cpr', 'areaCode'] as const;
export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 200;

/** What a citizen search may combine, wherever it came from. */
export interface SearchCitizensCriteria {
  name?: string;
  cpr?: string;
  areaCode?: string;
  status?: 'active' | 'exited';
  limit?: number;
}

class SearchCitizensBase {
  @ApiPropertyOptional({ example: 'has', description: 'Begyndelsen af et af navnene eller af det fulde navn (store/små bogstaver er ligegyldige)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

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

/** GET /citizens: by name and area. A CPR number never goes in a URL (access logs, proxies, browser history). */
export class SearchCitizensQuery extends SearchCitizensBase {
  /** Refused, whatever its value, naming the field and the way that is allowed; not in OpenAPI. */
  @ApiHideProperty()
  @IsOptional()
  @ValidateBy({ name: 'cprNotInUrl', validator: { validate: () => false, defaultMessage: () => 'must not be in the URL: search by CPR number with POST /citizens/search' } })
  cpr?: never;
}

/** POST /citizens/search: the criteria in the body, where a CPR number may go. */
export class SearchCitizensBody extends SearchCitizensBase {
  @ApiPropertyOptional({ example: '010190-1234', description: 'Præcist CPR-nummer, DDMMÅÅ-SSSS eller DDMMÅÅSSSS' })
  @IsOptional()
  @IsCpr()
  cpr?: string;
}
