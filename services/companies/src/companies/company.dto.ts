import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { AGREEMENT_KINDS, AgreementKind, COMPANY_STATUSES, CompanyStatus } from '@fremskudt/contracts';
import { IsCvr } from '../shared/cvr';
import { IsCalendarDate, IsCode, IsOptionalNotNull } from '../shared/validation';

export class AddressDto {
  @ApiProperty({ example: 'Ruten 4' })
  @IsString()
  @Length(1, 200)
  street: string;

  @ApiProperty({ example: '2700', description: 'Postnummer (4 cifre)' })
  @Matches(/^\d{4}$/, { message: 'must be a Danish postcode (4 digits)' })
  postcode: string;

  @ApiProperty({ example: 'Brønshøj' })
  @IsString()
  @Length(1, 100)
  city: string;
}

export class AgreementDto {
  @ApiProperty({ enum: AGREEMENT_KINDS, description: 'Aftalens art, fx socialt ansvar ved ansættelser eller integrationsstillinger' })
  @IsIn(AGREEMENT_KINDS)
  kind: AgreementKind;

  @ApiProperty({ format: 'date', description: 'Gælder fra' })
  @IsCalendarDate()
  since: string;

  @ApiPropertyOptional({ format: 'date', description: 'Gælder til og med (udeladt: til videre)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  until?: string;
}

export class ContactPersonDto {
  @ApiProperty({ example: 'Hanne Holm' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'Køkkenchef' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 100)
  role?: string;

  @ApiPropertyOptional({ example: '+45 33 12 34 56' })
  @IsOptionalNotNull()
  @Matches(/^\+?[0-9 ]{8,20}$/, { message: 'must be a phone number (digits, spaces, optional +)' })
  phone?: string;

  @ApiPropertyOptional({ example: 'hanne@kantinen.dk' })
  @IsOptionalNotNull()
  @IsEmail()
  email?: string;
}

export class RegisterCompanyDto {
  @ApiProperty({ example: '10150817', description: 'CVR-nummer: 8 cifre med modulus-11-kontrol' })
  @IsCvr()
  cvr: string;

  @ApiProperty({ example: 'Kantinen i Tingbjerg ApS' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'kitchen-canteen', description: 'Branche fra kommunens liste (GET /branches)' })
  @IsCode()
  branchCode: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Området virksomheden ligger i eller ved (lokale virksomheder)' })
  @IsOptionalNotNull()
  @IsCode()
  areaCode?: string;

  @ApiPropertyOptional({ enum: COMPANY_STATUSES, default: 'active' })
  @IsOptionalNotNull()
  @IsIn(COMPANY_STATUSES)
  status?: CompanyStatus;

  @ApiPropertyOptional({ type: [AgreementDto] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgreementDto)
  agreements?: AgreementDto[];

  @ApiPropertyOptional({ type: [ContactPersonDto] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactPersonDto)
  contactPersons?: ContactPersonDto[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Den ansvarlige virksomhedskonsulent (medarbejder-id fra sagsstammen)' })
  @IsOptionalNotNull()
  @IsUUID('4')
  responsibleStaffId?: string;
}

/** A change: every attribute but the CVR number (a company's identity); null clears area, address and consultant. */
export class ChangeCompanyDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Branche fra kommunens liste' })
  @IsOptionalNotNull()
  @IsCode()
  branchCode?: string;

  @ApiPropertyOptional({ type: AddressDto, nullable: true, description: 'null fjerner adressen' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: ikke en lokal virksomhed' })
  @IsOptional()
  @IsCode()
  areaCode?: string | null;

  @ApiPropertyOptional({ enum: COMPANY_STATUSES })
  @IsOptionalNotNull()
  @IsIn(COMPANY_STATUSES)
  status?: CompanyStatus;

  @ApiPropertyOptional({ type: [AgreementDto], description: 'Hele listen af aftaler (erstatter den nuværende)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgreementDto)
  agreements?: AgreementDto[];

  @ApiPropertyOptional({ type: [ContactPersonDto], description: 'Hele listen af kontaktpersoner (erstatter den nuværende)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactPersonDto)
  contactPersons?: ContactPersonDto[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null: ingen ansvarlig konsulent' })
  @IsOptional()
  @IsUUID('4')
  responsibleStaffId?: string | null;
}

export const COMPANY_CHANGE_ATTRIBUTES = ['name', 'branchCode', 'address', 'areaCode', 'status', 'agreements', 'contactPersons', 'responsibleStaffId'] as const;

export class CompaniesQuery {
  @ApiPropertyOptional({ example: 'kitchen-canteen' })
  @IsOptional()
  @IsCode()
  branchCode?: string;

  @ApiPropertyOptional({ example: 'tingbjerg' })
  @IsOptional()
  @IsCode()
  areaCode?: string;

  @ApiPropertyOptional({ enum: COMPANY_STATUSES })
  @IsOptional()
  @IsIn(COMPANY_STATUSES)
  status?: CompanyStatus;

  @ApiPropertyOptional({ example: '10150817' })
  @IsOptional()
  @IsCvr()
  cvr?: string;

  @ApiPropertyOptional({ example: 'kantine', description: 'Del af navnet (uden forskel på store og små bogstaver)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;
}

export class AddressView {
  @ApiProperty() street: string;
  @ApiProperty() postcode: string;
  @ApiProperty() city: string;
}

export class AgreementView {
  @ApiProperty({ enum: AGREEMENT_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) since: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) until: string | null;
}

export class ContactPersonView {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) role: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class CompanyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '10150817' }) cvr: string;
  @ApiProperty() name: string;
  @ApiProperty() branchCode: string;
  @ApiProperty({ type: AddressView, nullable: true }) address: AddressView | null;
  @ApiProperty({ type: String, nullable: true }) areaCode: string | null;
  @ApiProperty({ enum: COMPANY_STATUSES }) status: string;
  @ApiProperty({ type: [AgreementView] }) agreements: AgreementView[];
  @ApiProperty({ type: [ContactPersonView] }) contactPersons: ContactPersonView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) responsibleStaffId: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
