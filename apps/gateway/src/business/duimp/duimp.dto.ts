import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimal } from '#common';
import { DUIMP_PAYLOAD_EVENTOS, TIPOS_INTERESSE, UFS } from '#catalog';
import type { Canal, TipoInteresse, ViaTransporte } from '#domain';

export class UfInteresseDto {
  @IsIn(UFS)
  uf: (typeof UFS)[number];

  @IsIn(TIPOS_INTERESSE)
  tipoInteresse: TipoInteresse;
}

export class ItemDuimpDto {
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'ncm deve ter 8 dígitos' })
  ncm?: string;

  @IsOptional()
  @IsString()
  @Length(1, 400)
  descricao?: string;

  @IsOptional()
  @IsDecimal(5)
  @Min(0.00001)
  @Max(1e9)
  quantidade?: number;

  /** Unit price in US dollars (condição de venda). */
  @IsOptional()
  @IsDecimal(7)
  @Min(0.0000001)
  @Max(1e9)
  valorUnitario?: number;

  /** ISO 3166-1 alpha-2. */
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'paisOrigem deve ser o código ISO de 2 letras' })
  paisOrigem?: string;
}

/** What both a registration and a retification may set; everything else comes from the seed. */
export class DuimpDadosDto {
  /** UF of the customs unit of clearance. */
  @IsOptional()
  @IsIn(UFS)
  ufDespacho?: (typeof UFS)[number];

  @IsOptional()
  @Matches(/^\d{7}$/, { message: 'uaDespacho deve ter 7 dígitos' })
  uaDespacho?: string;

  /** UF of the acquirer/orderer when importing on a third party's behalf; `null` removes it. */
  @IsOptional()
  @IsIn(UFS)
  ufTerceiro?: (typeof UFS)[number] | null;

  /** The UFs of interest as given, instead of derived from clearance, importer and third party. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(27)
  @ValidateNested({ each: true })
  @Type(() => UfInteresseDto)
  ufs?: UfInteresseDto[];

  /** `canalSelecao`: 1 verde, 12 amarelo, 3 vermelho, 15 cinza. */
  @IsOptional()
  @IsIn(['1', '12', '3', '15'])
  canal?: Canal;

  @IsOptional()
  @IsIn(['MARITMO', 'AEREA', 'RODOVIARIO'])
  viaTransporte?: ViaTransporte;

  /** The items, replacing the generated ones; each field left out is generated. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ItemDuimpDto)
  itens?: ItemDuimpDto[];
}

export class CriarDuimpDto extends DuimpDadosDto {
  /** Same seed (and overrides), same Duimp; generated and returned when absent. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;

  /** A number of your own (15 characters, valid check digit); the next of the year otherwise. */
  @IsOptional()
  @IsString()
  numero?: string;

  /** 1 pessoa jurídica (CNPJ), 2 pessoa física (CPF). */
  @IsOptional()
  @IsIn(['1', '2'])
  tipoImportador?: '1' | '2';

  @IsOptional()
  @Matches(/^(\d{11}|\d{14})$/, { message: 'niImportador deve ser um CPF (11 dígitos) ou CNPJ (14 dígitos)' })
  niImportador?: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  nomeImportador?: string;

  @IsOptional()
  @IsIn(UFS)
  ufImportador?: (typeof UFS)[number];

  @IsOptional()
  @Matches(/^\d{11}$/, { message: 'cpfResponsavel deve ter 11 dígitos' })
  cpfResponsavel?: string;
}

export class RetificarDuimpDto extends DuimpDadosDto {}

export class EntregaDuimpDto {
  /** true: delivery before clearance, the despacho goes on; false: delivery of a cleared Duimp. */
  @IsBoolean()
  prosseguimentoDespacho: boolean;
}

export class DesembaracoDuimpDto {
  /** The kind of clearance; by default automatic for canal verde, after conferência otherwise. */
  @IsOptional()
  @IsIn(DUIMP_PAYLOAD_EVENTOS['dimp-desembaraco']!)
  evento?: string;
}
